package dev.stockstream.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pid files an earlier run left in the data directory, and the children it left running
 * when it died before it could stop them (without setpriv, a hard kill leaves them running).
 */
final class Leftovers {

    static final String RUNNER = "runner";
    private static final Duration GRACE = Duration.ofSeconds(20);

    private Leftovers() {
    }

    /**
     * Refuses to start beside a runner that still runs on this data directory; stops each child
     * of a dead runner that still runs, with one line naming it; then deletes the pid files.
     *
     * @param children each child's name and what its command line names (its jar)
     */
    static void clear(Path runDir, Map<String, String> children, PrintStream out) {
        Path runnerFile = PidFile.of(runDir, RUNNER);
        PidFile.read(runnerFile).flatMap(PidFile::liveProcess).ifPresent(runner -> {
            throw new PipelineStartException("another runner (pid " + runner.pid() + ") is using " + runDir.getParent()
                    + ": stop it, or give this one another --data-dir");
        });
        children.forEach((name, commandMark) -> {
            Path file = PidFile.of(runDir, name);
            PidFile.read(file).flatMap(PidFile::liveProcess)
                    .filter(process -> process.info().commandLine().filter(line -> line.contains(commandMark)).isPresent())
                    .ifPresent(process -> out.println(stop(name, process)));
            PidFile.delete(file);
        });
        PidFile.delete(runnerFile);
    }

    /** SIGTERM, then a kill after the grace; says what became of it. */
    private static String stop(String name, ProcessHandle process) {
        process.destroy();
        if (!exits(process, GRACE)) {
            process.destroyForcibly();
            exits(process, Duration.ofSeconds(5));
        }
        String which = "the " + name + " an earlier run left running (pid " + process.pid() + ")";
        return process.isAlive() ? "Could not stop " + which + ": kill -9 " + process.pid() : "Stopped " + which;
    }

    private static boolean exits(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("onExit does not fail", e);
        }
    }
}
