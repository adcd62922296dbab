package dev.stockstream.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pod on its own host, with the kubelet's part: its containers started from the manifest
 * verbatim, restarted with back-off as its {@code restartPolicy} says, and its probes polled as
 * written (a failed liveness or startup probe restarts the container; readiness decides whether
 * it is ready).
 */
final class Pod implements AutoCloseable {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    /** The kubelet's crash-loop back-off: 10 s doubling to 5 min, reset after 10 min of running. */
    static final Duration BACKOFF_START = Duration.ofSeconds(10);
    static final Duration BACKOFF_MAX = Duration.ofMinutes(5);

    private final String name;
    private final Network.Host host;
    private final JsonNode spec;
    private final Map<String, String> labels;
    private final Map<String, Path> volumes;
    private final Cluster cluster;
    private final Path directory;
    private final List<Container> containers = new ArrayList<>();
    private volatile boolean stopping;

    Pod(String name, Network.Host host, JsonNode spec, Map<String, String> labels, Map<String, Path> claims, Cluster cluster) {
        this.name = name;
        this.host = host;
        this.spec = spec;
        this.labels = labels;
        this.cluster = cluster;
        this.directory = cluster.workDirectory().resolve("pods").resolve(name);
        this.volumes = volumes(claims);
    }

    String name() {
        return name;
    }

    Network.Host host() {
        return host;
    }

    Map<String, String> labels() {
        return labels;
    }

    JsonNode spec() {
        return spec;
    }

    String restartPolicy() {
        return spec.path("restartPolicy").asText("Always");
    }

    /** Runs the init containers to completion, then starts the containers. */
    Pod start() {
        for (JsonNode init : spec.path("initContainers")) {
            Container container = new Container(init, "Always".equals(restartPolicy()) ? "OnFailure" : restartPolicy());
            containers.add(container);
            container.run();
            if (!container.awaitSucceeded()) {
                return this;
            }
        }
        for (JsonNode container : spec.path("containers")) {
            Container running = new Container(container, restartPolicy());
            containers.add(running);
            Daemons.start(name + "/" + running.name, running::run);
        }
        return this;
    }

    /** Ready as the kubelet reports it: every container running and passing its readiness probe. */
    boolean ready() {
        return !containers.isEmpty() && containers.stream().allMatch(c -> c.ready);
    }

    /** Every container ended with exit code 0 and is not restarted (a Job's pod that completed). */
    boolean succeeded() {
        return !containers.isEmpty() && containers.stream().allMatch(c -> c.terminated && c.lastExit == 0);
    }

    /** Container restarts so far (a Job counts them against its backoffLimit). */
    int restarts() {
        return containers.stream().mapToInt(c -> c.restarts).sum();
    }

    /** Whether every container has ended for good (policy Never or OnFailure with success). */
    boolean terminated() {
        return !containers.isEmpty() && containers.stream().allMatch(c -> c.terminated);
    }

    int lastExitCode() {
        return containers.stream().mapToInt(c -> c.lastExit).filter(code -> code != 0).findFirst().orElse(0);
    }

    Path log(String container) {
        return directory.resolve(container + ".log");
    }

    /** The last lines each container printed, for failure messages. */
    String tail(int lines) {
        StringBuilder text = new StringBuilder();
        for (Container container : containers) {
            try {
                List<String> all = Files.exists(log(container.name)) ? Files.readAllLines(log(container.name)) : List.of();
                text.append("--- ").append(name).append('/').append(container.name).append(" (restarts ")
                        .append(container.restarts).append(")\n")
                        .append(String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))).append('\n');
            } catch (IOException e) {
                text.append("(log unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return text.toString();
    }


    /** SIGKILL to every container's process group, as an OOM kill or a crash: the kubelet restarts them as {@code restartPolicy} says. */
    void kill() {
        containers.forEach(container -> container.signal("KILL"));
    }

    /** The pod's node lost: SIGKILL to every container, and nothing restarts them. */
    void killForGood() {
        stopping = true;
        kill();
        containers.forEach(container -> container.awaitExit(Duration.ofSeconds(10)));
    }

    /** Deletes the pod: SIGTERM, the grace period, then SIGKILL; nothing is restarted. */
    @Override
    public void close() {
        stopping = true;
        long grace = spec.path("terminationGracePeriodSeconds").asLong(30);
        containers.forEach(container -> container.signal("TERM"));
        for (Container container : containers) {
            container.awaitExit(Duration.ofSeconds(grace));
            container.signal("KILL");
            container.awaitExit(Duration.ofSeconds(10));
        }
    }

    private Map<String, Path> volumes(Map<String, Path> claims) {
        Map<String, Path> volumes = new LinkedHashMap<>(claims);
        long fsGroup = spec.path("securityContext").path("fsGroup").asLong(-1);
        for (JsonNode volume : spec.path("volumes")) {
            String volumeName = volume.path("name").asText();
            if (volume.has("emptyDir")) {
                Path dir = directory.resolve("volumes").resolve(volumeName);
                Volumes.emptyDir(dir, fsGroup);
                volumes.put(volumeName, dir);
            } else if (volume.has("configMap")) {
                volumes.put(volumeName, cluster.configMapDirectory(volume.get("configMap").path("name").asText()));
            } else if (volume.has("secret")) {
                volumes.put(volumeName, cluster.secretDirectory(volume.get("secret").path("secretName").asText()));
            } else if (volume.has("persistentVolumeClaim")) {
                volumes.put(volumeName, cluster.claimDirectory(volume.get("persistentVolumeClaim").path("claimName").asText()));
            } else {
                throw new IllegalArgumentException("pod " + name + ": the rehearsal has no stand-in for volume " + volume);
            }
        }
        claims.values().forEach(claim -> Volumes.claim(claim, fsGroup));
        return volumes;
    }

    /** One container of the pod and its restarts. */
    private final class Container {

        private final JsonNode spec;
        private final String name;
        private final String policy;
        private final Image image;
        private volatile Process process;
        private volatile boolean ready;
        private volatile boolean terminated;
        private volatile int lastExit = -1;
        private volatile int restarts;

        Container(JsonNode spec, String policy) {
            this.spec = spec;
            this.name = spec.path("name").asText();
            this.policy = policy;
            this.image = cluster.images().resolve(spec.path("image").asText());
        }

        void run() {
            Duration backoff = BACKOFF_START;
            while (!stopping) {
                Instant started = Instant.now();
                try {
                    process = launch();
                } catch (RuntimeException e) {
                    appendLog("the rehearsal could not start this container: " + e);
                    terminated = true;
                    throw e;
                }
                if (stopping) {
                    signal("KILL");
                }
                Thread prober = Daemons.start(Pod.this.name + "/" + name + "/probes", () -> probe(process));
                lastExit = awaitProcess(process);
                ready = false;
                prober.interrupt();
                appendLog("--- exited with " + lastExit);
                if (stopping || "Never".equals(policy) || ("OnFailure".equals(policy) && lastExit == 0)) {
                    terminated = true;
                    return;
                }
                restarts++;
                if (Duration.between(started, Instant.now()).compareTo(Duration.ofMinutes(10)) > 0) {
                    backoff = BACKOFF_START;
                }
                if (!sleep(backoff)) {
                    terminated = true;
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : backoff.multipliedBy(2);
            }
            terminated = true;
        }

        boolean awaitSucceeded() {
            while (!terminated && !stopping) {
                sleep(Duration.ofMillis(200));
            }
            return terminated && lastExit == 0;
        }

        private Process launch() {
            Path layer = directory.resolve("layers").resolve(name);
            LaunchScript script = new LaunchScript(Pod.this.name, layer);
            image.layers().forEach(script::overlay);
            script.bind(image.passwd(), "/etc/passwd", true);
            script.bind(image.group(), "/etc/group", true);
            boolean tmpMounted = false;
            for (JsonNode mount : spec.path("volumeMounts")) {
                Path source = volumes.get(mount.path("name").asText());
                if (source == null) {
                    throw new IllegalArgumentException("pod " + Pod.this.name + ": volumeMount of unknown volume " + mount);
                }
                if (mount.has("subPath")) {
                    source = source.resolve(mount.get("subPath").asText());
                }
                String mountPath = mount.path("mountPath").asText();
                tmpMounted |= "/tmp".equals(mountPath);
                script.bind(source, mountPath, mount.path("readOnly").asBoolean(false));
            }
            Path tmp = directory.resolve("container-tmp").resolve(name);
            if (!tmpMounted) {
                Volumes.emptyDir(tmp, -1);
                script.bind(tmp, "/tmp", false);
            }
            Map<String, String> env = environment();
            JsonNode podSecurity = Pod.this.spec.path("securityContext");
            JsonNode security = spec.path("securityContext");
            long uid = security.path("runAsUser").asLong(podSecurity.path("runAsUser").asLong(image.user()));
            long gid = security.path("runAsGroup").asLong(podSecurity.path("runAsGroup").asLong(Volumes.primaryGroup(image.passwd(), uid)));
            List<Long> groups = new ArrayList<>();
            if (podSecurity.has("fsGroup")) {
                groups.add(podSecurity.get("fsGroup").asLong());
            }
            podSecurity.path("supplementalGroups").forEach(group -> groups.add(group.asLong()));
            String workingDir = spec.path("workingDir").asText(image.workingDir());
            String text = script.exec(uid, gid, groups, workingDir, env, command(env));
            try {
                Files.createDirectories(layer);
                Path file = directory.resolve(name + "-launch.sh");
                Files.writeString(file, text);
                appendLog("--- starting (restart " + restarts + ") at " + Instant.now());
                return new ProcessBuilder("ip", "netns", "exec", host.namespace(), "unshare", "--uts", "--", "sh", file.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            env.putAll(image.env());
            env.put("HOSTNAME", Pod.this.name);
            env.putAll(cluster.serviceLinks());
            for (JsonNode variable : spec.path("env")) {
                String variableName = variable.path("name").asText();
                if (variable.has("value")) {
                    env.put(variableName, expand(variable.get("value").asText(), env));
                } else if (variable.has("valueFrom")) {
                    env.put(variableName, cluster.valueFrom(variable.get("valueFrom"), Pod.this));
                } else {
                    env.put(variableName, "");
                }
            }
            return env;
        }

        private List<String> command(Map<String, String> env) {
            List<String> command = new ArrayList<>();
            if (spec.has("command")) {
                spec.get("command").forEach(word -> command.add(expand(word.asText(), env)));
            } else {
                command.addAll(image.entrypoint());
            }
            if (spec.has("args")) {
                spec.get("args").forEach(word -> command.add(expand(word.asText(), env)));
            } else if (!spec.has("command")) {
                command.addAll(image.cmd());
            }
            if (command.isEmpty()) {
                throw new IllegalArgumentException("container " + name + " of pod " + Pod.this.name + " has no command and "
                        + image.reference() + " no ENTRYPOINT");
            }
            return command;
        }

        /** Kubernetes' {@code $(VAR)} references in env values, command and args; an unknown one stays as written. */
        private static String expand(String text, Map<String, String> env) {
            Matcher reference = REFERENCE.matcher(text);
            StringBuilder result = new StringBuilder();
            while (reference.find()) {
                String value = env.get(reference.group(1));
                reference.appendReplacement(result, Matcher.quoteReplacement(value != null ? value : reference.group()));
            }
            return reference.appendTail(result).toString().replace("$$(", "$(");
        }

        private void probe(Process current) {
            Probe startup = probe("startupProbe");
            Probe readiness = probe("readinessProbe");
            Probe liveness = probe("livenessProbe");
            try {
                long start = System.currentTimeMillis();
                if (startup != null && !passes(startup, current)) {
                    appendLog("--- startup probe failed " + startup.failureThreshold() + " times: killing the container");
                    signal("KILL");
                    return;
                }
                if (readiness == null) {
                    ready = current.isAlive();
                }
                long nextReadiness = readiness == null ? Long.MAX_VALUE : start + readiness.initialDelayMillis();
                long nextLiveness = liveness == null ? Long.MAX_VALUE : start + liveness.initialDelayMillis();
                int readinessFailures = 0;
                int readinessSuccesses = 0;
                int livenessFailures = 0;
                while (current.isAlive()) {
                    long now = System.currentTimeMillis();
                    if (now >= nextReadiness) {
                        if (readiness.succeeds()) {
                            readinessFailures = 0;
                            ready = ++readinessSuccesses >= readiness.successThreshold();
                        } else {
                            readinessSuccesses = 0;
                            if (++readinessFailures >= readiness.failureThreshold()) {
                                ready = false;
                            }
                        }
                        nextReadiness = now + readiness.periodMillis();
                    }
                    if (now >= nextLiveness) {
                        livenessFailures = liveness.succeeds() ? 0 : livenessFailures + 1;
                        if (livenessFailures >= liveness.failureThreshold()) {
                            appendLog("--- liveness probe failed " + livenessFailures + " times: killing the container");
                            signal("KILL");
                            return;
                        }
                        nextLiveness = now + liveness.periodMillis();
                    }
                    Thread.sleep(Math.max(50, Math.min(Math.min(nextReadiness, nextLiveness) - System.currentTimeMillis(), 1000)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean passes(Probe probe, Process current) throws InterruptedException {
            Thread.sleep(probe.initialDelayMillis());
            int failures = 0;
            while (current.isAlive()) {
                if (probe.succeeds()) {
                    return true;
                }
                if (++failures >= probe.failureThreshold()) {
                    return false;
                }
                Thread.sleep(probe.periodMillis());
            }
            return false;
        }

        private Probe probe(String kind) {
            return spec.has(kind) ? new Probe(spec.get(kind), host.address(), spec.path("ports")) : null;
        }

        void signal(String signal) {
            Process current = process;
            if (current != null && current.isAlive()) {
                Shell.attempt("kill", "-" + signal, "--", "-" + current.pid());
            }
        }

        void awaitExit(Duration timeout) {
            Process current = process;
            try {
                if (current != null) {
                    current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private int awaitProcess(Process current) {
            while (true) {
                try {
                    return current.waitFor();
                } catch (InterruptedException e) {
                    // The container outlives an interrupted supervisor thread; keep waiting.
                }
            }
        }

        private void appendLog(String line) {
            try {
                Files.createDirectories(directory);
                Files.writeString(log(name), line + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private boolean sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
                return !stopping;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
