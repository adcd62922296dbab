package dev.stockstream.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Host directories standing in for volumes, with the ownership the kubelet gives them. */
final class Volumes {

    private Volumes() {
    }

    /** An emptyDir: world-writable as the kubelet makes it, or given to the pod's fsGroup. */
    static void emptyDir(Path dir, long fsGroup) {
        create(dir);
        own(dir, fsGroup, fsGroup >= 0 ? "2775" : "1777");
    }

    /** A persistent volume's directory: it outlives its pods; with an fsGroup the kubelet gives it to that group. */
    static void claim(Path dir, long fsGroup) {
        create(dir);
        own(dir, fsGroup, fsGroup >= 0 ? "2775" : "0777");
    }

    /** The primary group of {@code uid} in an image's /etc/passwd, or 0 (root) as the runtime does without one. */
    static long primaryGroup(Path passwd, long uid) {
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] fields = line.split(":");
                if (fields.length > 3 && fields[2].equals(Long.toString(uid))) {
                    return Long.parseLong(fields[3]);
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void own(Path dir, long group, String mode) {
        if (group >= 0) {
            Shell.run("chgrp", Long.toString(group), dir.toString());
        }
        Shell.run("chmod", mode, dir.toString());
    }
}
