package dev.stockstream.rehearsal;

import java.nio.file.Path;

/** Where each rehearsal keeps its pods' files and logs, and its orderly end. */
final class Rehearsals {

    private Rehearsals() {
    }

    /** {@code target/rehearsal/<test class>}: kept after the run for the pods' logs. */
    static Path workDirectory(Class<?> test) {
        return Path.of("target", "rehearsal", test.getSimpleName()).toAbsolutePath();
    }

    static void close(Release release, Cluster cluster) {
        try {
            if (release != null) {
                release.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
