package dev.stockstream.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file (or a marked part of one) generated from the chart and committed. Tests compare it with
 * a fresh generation; {@code -Dregenerate=true} (see k8s/regenerate.sh) writes it first.
 */
public final class GeneratedFile {

    private GeneratedFile() {
    }

    public static boolean regenerating() {
        return Boolean.getBoolean("regenerate");
    }

    /** The file's current text, after writing {@code expected} into it when regenerating. */
    public static String current(Path file, String expected) {
        try {
            if (regenerating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected);
            }
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text between two marker lines of a file, after replacing it with {@code expected} when regenerating. */
    public static String currentSection(Path file, String start, String end, String expected) {
        try {
            String text = Files.readString(file);
            int from = text.indexOf(start);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalStateException(file + " lacks the markers " + start + " ... " + end);
            }
            from += start.length();
            if (regenerating()) {
                text = text.substring(0, from) + "\n" + expected + text.substring(to);
                Files.writeString(file, text);
                to = text.indexOf(end);
            }
            return text.substring(from, to).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
