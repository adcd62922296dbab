package dev.stockstream.rehearsal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Removal of what a rehearsal made: run before a rehearsal starts (a killed run's leftovers), when
 * it closes, and by a reaper process when the test JVM ends without closing it.
 */
final class Cleanup {

    private static Path script;

    private Cleanup() {
    }

    static synchronized Path script(Path workDirectory) {
        if (script == null) {
            script = copy("cleanup.sh", workDirectory);
        }
        return script;
    }

    static void run() {
        Shell.run("sh", script.toString(), Network.PREFIX, Network.BRIDGE, Network.SUBNET_PATTERN);
    }

    /** Starts the reaper: a process outside the test JVM's process group that cleans up once the JVM's pipe to it closes. */
    static Process startReaper(Path workDirectory) {
        Path reaper = copy("reaper.sh", workDirectory);
        try {
            return new ProcessBuilder("setsid", "sh", reaper.toString(), "sh", script(workDirectory).toString(),
                    Network.PREFIX, Network.BRIDGE, Network.SUBNET_PATTERN)
                    .redirectOutput(workDirectory.resolve("reaper.log").toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(String resource, Path workDirectory) {
        try (InputStream in = Cleanup.class.getResourceAsStream(resource)) {
            Path target = workDirectory.resolve(resource);
            Files.createDirectories(workDirectory);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
