package dev.stockstream.spark;

import dev.stockstream.embedded.EmbeddedHdfs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The job as {@code spark-submit} runs it, in a child JVM of its own (Spark {@code local[2]}), so a
 * test can kill it the hard way. {@link #close} kills it if it still runs.
 */
final class JobProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private JobProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} (the job's, or a test's wrapper of it) with {@code jvmOptions}, the
     * environment {@code env} and the job's {@code NAME=value} arguments; output goes to {@code log}.
     */
    static JobProcess start(Class<?> mainClass, List<String> jvmOptions, Map<String, String> env, Path log,
                            String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens"))
                .forEach(command::add);
        command.addAll(jvmOptions);
        // A halted job runs no shutdown hook to delete its scratch directories: keep them in target/, not /tmp.
        command.add("-Dspark.local.dir=" + Path.of("target", "spark-local").toAbsolutePath());
        command.addAll(List.of("-Dspark.master=local[2]", "-Dspark.driver.host=localhost",
                "-Dspark.driver.bindAddress=localhost", "-Dspark.ui.enabled=false"));
        EmbeddedHdfs.CLIENT_SETTINGS.forEach((name, value) -> command.add("-Dspark.hadoop." + name + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(arguments));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new JobProcess(builder.start(), log);
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    /** Waits for the exit and returns its code; fails when it does not exit in time. */
    int awaitExit(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the job did not exit within " + seconds + " s; its log: " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
