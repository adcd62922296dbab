package dev.stockstream.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the runner's child processes so that they die with it, however it dies: each through
 * {@code setpriv --pdeathsig KILL} when setpriv is on the PATH. The kernel sends that signal when
 * the <em>thread</em> that spawned the child ends, not the process, so every child is spawned from
 * this launcher's one thread, which ends only when the launcher is closed, after the children.
 */
final class ChildLauncher implements AutoCloseable {

    private final List<String> prefix;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread launcher = new Thread(task, "child-launcher");
        launcher.setDaemon(false);
        return launcher;
    });

    private ChildLauncher(List<String> prefix) {
        this.prefix = prefix;
    }

    static ChildLauncher create() {
        return onPath(System.getenv("PATH"));
    }

    /** A launcher that looks for setpriv on {@code path}, a PATH-style list of directories. */
    static ChildLauncher onPath(String path) {
        return new ChildLauncher(setpriv(path).map(setpriv -> List.of(setpriv.toString(), "--pdeathsig", "KILL", "--"))
                .orElse(List.of()));
    }

    /** False when setpriv is missing: the children may then outlive a hard kill of the runner. */
    boolean childrenDieWithRunner() {
        return !prefix.isEmpty();
    }

    /** Starts the builder's command, prefixed with setpriv when there is one, from the launcher's thread. */
    Process start(ProcessBuilder builder) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(builder.command());
        builder.command(command);
        // submit, not execute: a start that throws must not make the executor replace its thread
        Future<Process> started = thread.submit(builder::start);
        try {
            return started.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + command, e);
        }
    }

    /** Ends the launcher's thread, which kills (SIGKILL) any child started through setpriv that still runs. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> setpriv(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "setpriv"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
