package dev.stockstream.visualizer;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the tests need from the machine beyond Maven: on a fresh machine the first test that
 * needs one fails with one line saying what to install, instead of a driver or font stack trace.
 */
public final class TestPrerequisites {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private TestPrerequisites() {
    }

    public static void requireChromium() {
        require(CHROMIUM, "Chromium");
        require(CHROMEDRIVER, "chromedriver");
    }

    /** JFreeChart draws text with the JDK's fonts, which need fontconfig and at least one font. */
    public static void requireFonts() {
        String missing = "no fonts found: install Debian's fontconfig and fonts-dejavu-core (bash .ci/run installs them)";
        int fonts;
        try {
            fonts = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length;
        } catch (Error | RuntimeException e) {
            throw new IllegalStateException(missing + " (" + e + ")");
        }
        if (fonts == 0) {
            throw new IllegalStateException(missing);
        }
    }

    private static void require(Path program, String name) {
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException(name + " not found at " + program
                    + ": install Debian's chromium and chromium-driver (bash .ci/run installs them)");
        }
    }
}
