package dev.stockstream.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Quarkus app started from its {@code quarkus-app/quarkus-run.jar}, as its container image runs it. */
final class AppProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private AppProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /** Starts the app through the launcher and records it in {@code runDir/<name>.pid} until it stops. */
    static AppProcess start(String name, Path jar, Map<String, String> env, ChildLauncher launcher, Path logDir, Path runDir) {
        if (!Files.isRegularFile(jar)) {
            throw new PipelineStartException(name + ": " + jar + " is missing; build first with ./mvnw -B install -DskipTests");
        }
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Djava.awt.headless=true", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = launcher.start(builder);
        } catch (IOException e) {
            throw new PipelineStartException(name + ": cannot start java: " + e.getMessage(), e);
        }
        Path pidFile = PidFile.of(runDir, name);
        try {
            PidFile.write(pidFile, process.toHandle());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new AppProcess(name, process, log, pidFile);
    }

    /** Waits until {@code /q/health/ready} answers 200; fails fast if the process dies. */
    void awaitReady(int port) {
        URI ready = URI.create("http://localhost:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new PipelineStartException(name + " exited with code " + process.exitValue() + ": " + lastLogLine());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineStartException(name + ": interrupted while starting");
            }
            sleep(250);
        }
        throw new PipelineStartException(name + " not ready after " + READY_TIMEOUT.toSeconds() + " s (log: " + log + ")");
    }

    /** SIGTERM, as Kubernetes stops a pod, then a kill if it does not stop in time. */
    @Override
    public void close() {
        stop();
        if (!process.isAlive()) {
            PidFile.delete(pidFile);
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.stream().filter(line -> line.contains("ERROR")).reduce((a, b) -> b)
                    .orElse(lines.isEmpty() ? "(empty log)" : lines.get(lines.size() - 1)) + " (log: " + log + ")";
        } catch (IOException e) {
            return "see " + log;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
