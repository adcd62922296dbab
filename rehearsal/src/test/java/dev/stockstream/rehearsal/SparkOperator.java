package dev.stockstream.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spark-operator's part, on a Spark standalone cluster instead of Kubernetes as cluster
 * manager: a {@code SparkApplication} becomes a driver pod that runs {@code spark-submit} with what
 * the operator passes (main class, application file, arguments, {@code sparkConf}, driver and
 * executor cores, memory and JVM options, {@code executor.instances}), in client mode against a
 * master pod, with one worker pod per executor. A changed spec stops the driver and the workers
 * and submits anew; a driver that ends is resubmitted as {@code restartPolicy} says.
 */
final class SparkOperator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DRIVER_CONTAINER = "spark-kubernetes-driver";

    private final Cluster cluster;
    private volatile JsonNode application;
    private volatile boolean closed;
    private volatile int submissions;
    private final List<String> workers = new ArrayList<>();
    private Thread supervisor;

    SparkOperator(Cluster cluster) {
        this.cluster = cluster;
    }

    String name() {
        return application.path("metadata").path("name").asText();
    }

    String driverPod() {
        return name() + "-driver";
    }

    String masterPod() {
        return name() + "-master";
    }

    List<String> workerPods() {
        synchronized (workers) {
            return List.copyOf(workers);
        }
    }

    /** Submissions so far (the first, and every resubmission). */
    int submissions() {
        return submissions;
    }

    synchronized void apply(JsonNode app) {
        if (app.equals(application)) {
            return;
        }
        boolean first = application == null;
        if (!first) {
            stopSupervisor();
            cluster.deletePod(driverPod());
            workerPods().forEach(cluster::deletePod);
        }
        application = app;
        if (first) {
            startMaster();
        }
        startWorkers();
        submit();
        supervisor = Daemons.start("spark-operator", this::supervise);
    }

    private void startMaster() {
        String pod = masterPod();
        cluster.host(pod);
        ObjectNode spec = podSpec("master", List.of("/opt/spark/bin/spark-class", "org.apache.spark.deploy.master.Master",
                "--host", pod, "--port", "7077", "--webui-port", "8080"), application.path("spec").path("executor"), "Always");
        ObjectNode probe = ((ObjectNode) spec.withArray("containers").get(0)).putObject("readinessProbe");
        probe.putObject("tcpSocket").put("port", 7077);
        probe.put("periodSeconds", 2);
        cluster.startPod(pod, spec, labels("master"), Map.of());
    }

    private void startWorkers() {
        JsonNode executor = application.path("spec").path("executor");
        int instances = executor.path("instances").asInt(1);
        synchronized (workers) {
            workers.clear();
            for (int i = 1; i <= instances; i++) {
                workers.add(name() + "-worker-" + i);
            }
        }
        for (String pod : workerPods()) {
            cluster.host(pod);
            ObjectNode spec = podSpec("worker", List.of("/opt/spark/bin/spark-class", "org.apache.spark.deploy.worker.Worker",
                    "--host", pod, "--cores", executor.path("cores").asText("1"), "--memory", executor.path("memory").asText("1g"),
                    "--webui-port", "8081", "spark://" + masterPod() + ":7077"), executor, "Always");
            cluster.startPod(pod, spec, labels("worker"), Map.of());
        }
    }

    private void submit() {
        submissions++;
        cluster.host(driverPod());
        ObjectNode spec = podSpec(DRIVER_CONTAINER, submitCommand(), application.path("spec").path("driver"), "Never");
        cluster.startPod(driverPod(), spec, labels("driver"), Map.of());
    }

    /** What the operator's {@code spark-submit} gets from the spec, in client mode against the standalone master. */
    List<String> submitCommand() {
        JsonNode spec = application.path("spec");
        JsonNode driver = spec.path("driver");
        JsonNode executor = spec.path("executor");
        List<String> command = new ArrayList<>(List.of("/opt/spark/bin/spark-submit",
                "--master", "spark://" + masterPod() + ":7077", "--deploy-mode", "client",
                "--name", name(), "--class", spec.path("mainClass").asText()));
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.driver.host", driverPod());
        conf.put("spark.driver.cores", driver.path("cores").asText("1"));
        conf.put("spark.driver.memory", driver.path("memory").asText("1g"));
        conf.put("spark.executor.instances", executor.path("instances").asText("1"));
        conf.put("spark.executor.cores", executor.path("cores").asText("1"));
        conf.put("spark.executor.memory", executor.path("memory").asText("1g"));
        // Standalone's way to get executor.instances executors of executor.cores each.
        conf.put("spark.cores.max", Integer.toString(executor.path("instances").asInt(1) * executor.path("cores").asInt(1)));
        if (driver.has("javaOptions")) {
            conf.put("spark.driver.extraJavaOptions", driver.get("javaOptions").asText());
        }
        if (executor.has("javaOptions")) {
            conf.put("spark.executor.extraJavaOptions", executor.get("javaOptions").asText());
        }
        spec.path("sparkConf").properties().forEach(entry -> conf.put(entry.getKey(), entry.getValue().asText()));
        conf.forEach((key, value) -> command.addAll(List.of("--conf", key + "=" + value)));
        command.add(spec.path("mainApplicationFile").asText());
        spec.path("arguments").forEach(argument -> command.add(argument.asText()));
        return command;
    }

    private ObjectNode podSpec(String container, List<String> command, JsonNode role, String restartPolicy) {
        JsonNode spec = application.path("spec");
        ObjectNode pod = JSON.createObjectNode();
        pod.put("restartPolicy", restartPolicy);
        if (role.has("podSecurityContext")) {
            pod.set("securityContext", role.get("podSecurityContext"));
        }
        ObjectNode main = pod.putArray("containers").addObject();
        main.put("name", container);
        main.put("image", spec.path("image").asText());
        ArrayNode words = main.putArray("command");
        command.forEach(words::add);
        if (role.has("env")) {
            main.set("env", role.get("env"));
        }
        if (role.has("securityContext")) {
            main.set("securityContext", role.get("securityContext"));
        }
        return pod;
    }

    private Map<String, String> labels(String role) {
        Map<String, String> labels = new LinkedHashMap<>();
        application.path("spec").path("driver").path("labels").properties()
                .forEach(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        labels.put("sparkoperator.k8s.io/app-name", name());
        labels.put("spark-role", role);
        return labels;
    }

    /** Resubmits a driver that ended, as restartPolicy says (Always; OnFailure on a failure, up to its retries; Never). */
    private void supervise() {
        JsonNode policy = application.path("spec").path("restartPolicy");
        int failures = 0;
        while (!closed && !Thread.currentThread().isInterrupted()) {
            Pod driver = cluster.pod(driverPod()).orElse(null);
            if (driver != null && driver.terminated()) {
                boolean failed = driver.lastExitCode() != 0;
                String type = policy.path("type").asText("Never");
                boolean again = "Always".equals(type)
                        || ("OnFailure".equals(type) && failed && ++failures <= policy.path("onFailureRetries").asInt(0));
                if (!again) {
                    return;
                }
                try {
                    Thread.sleep(Duration.ofSeconds(failed ? policy.path("onFailureRetryInterval").asLong(5) : 1).toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                if (closed || Thread.currentThread().isInterrupted()) {
                    return;
                }
                submit();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void stopSupervisor() {
        if (supervisor != null) {
            supervisor.interrupt();
            try {
                supervisor.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        stopSupervisor();
    }
}
