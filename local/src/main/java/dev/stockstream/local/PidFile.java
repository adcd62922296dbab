package dev.stockstream.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A process of the runner as written to {@code <dataDir>/run/<name>.pid}: its pid and its start
 * instant, one a line. The start instant tells the process apart from a later one given the same pid.
 */
record PidFile(long pid, Instant start) {

    static Path of(Path runDir, String name) {
        return runDir.resolve(name + ".pid");
    }

    static void write(Path file, ProcessHandle process) {
        Instant start = process.info().startInstant()
                .orElseThrow(() -> new IllegalStateException("no start instant for pid " + process.pid()));
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, List.of(Long.toString(process.pid()), start.toString()));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The pid file's content; empty when there is none or it is not a pid file. */
    static Optional<PidFile> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.size() == 2 ? Optional.of(new PidFile(Long.parseLong(lines.get(0)), Instant.parse(lines.get(1))))
                    : Optional.empty();
        } catch (IOException | NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** The process this file names, if it still runs. */
    Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().startInstant().filter(start::equals).isPresent());
    }
}
