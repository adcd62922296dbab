package dev.stockstream.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import dev.stockstream.helm.Chart;
import dev.stockstream.helm.Rendered;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code helm install} and {@code helm upgrade} of the chart into a {@link Cluster}, with the
 * controllers' part: the chart rendered by the real Helm library, its ConfigMaps, Secrets and
 * Services made, each StatefulSet, Deployment and Job turned into its pods (replaced when its
 * template changes on upgrade), and the SparkApplication handed to the {@link SparkOperator}.
 */
final class Release implements AutoCloseable {

    private static final List<String> WORKLOADS = List.of("StatefulSet", "Deployment", "Job");

    private final Cluster cluster;
    private final String name;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, JsonNode> applied = new ConcurrentHashMap<>();
    private final Map<String, List<String>> podsOf = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, PodPlan> planned = new ConcurrentHashMap<>();
    /** The Secrets this release put into the cluster, by name. */
    private final java.util.Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final SparkOperator operator;
    private final Random names = new Random(7);
    private final java.util.function.Predicate<JsonNode> includes;
    private Rendered rendered;

    Release(Cluster cluster, String name) {
        this(cluster, name, object -> true);
    }

    /** A release that applies only the rendered objects {@code includes} accepts (e.g. only Kafka and HDFS, as services outside the release under test). */
    Release(Cluster cluster, String name, java.util.function.Predicate<JsonNode> includes) {
        this.cluster = cluster;
        this.name = name;
        this.includes = includes;
        this.operator = new SparkOperator(cluster);
    }

    Cluster cluster() {
        return cluster;
    }

    SparkOperator operator() {
        return operator;
    }

    Rendered rendered() {
        return rendered;
    }

    /** {@code helm install NAME helm/stock-streaming --set ...}. */
    Release install(Map<String, ?> sets) {
        values.putAll(sets);
        apply();
        return this;
    }

    /** {@code helm upgrade NAME helm/stock-streaming --reuse-values --set ...}. */
    Release upgrade(Map<String, ?> sets) {
        values.putAll(sets);
        apply();
        return this;
    }

    private void apply() {
        Map<String, Object> sets = new LinkedHashMap<>(values);
        rendered = Chart.render(name, sets).filter(includes);
        rendered.ofKind("ConfigMap").forEach(cluster::putConfigMap);
        // the chart's generated password comes from lookup on a cluster, which helm template cannot do: a Secret
        // this release created keeps its data on upgrade, as lookup keeps it
        rendered.ofKind("Secret").stream().filter(secret -> secrets.add(secret.path("metadata").path("name").asText()))
                .forEach(cluster::putSecret);
        Map<String, JsonNode> desired = new LinkedHashMap<>();
        for (String kind : WORKLOADS) {
            rendered.ofKind(kind).forEach(object -> desired.put(kind + "/" + object.path("metadata").path("name").asText(), object));
        }
        for (String key : List.copyOf(applied.keySet())) {
            if (!desired.containsKey(key) || !desired.get(key).equals(applied.get(key))) {
                podsOf.getOrDefault(key, List.of()).forEach(pod -> {
                    cluster.deletePod(pod);
                    planned.remove(pod);
                });
                podsOf.remove(key);
                applied.remove(key);
                jobs.remove(key);
            }
        }
        Map<String, PodPlan> plans = new LinkedHashMap<>();
        desired.forEach((key, object) -> {
            if (!applied.containsKey(key)) {
                plans.putAll(plan(key, object));
            }
        });
        plans.keySet().forEach(cluster::host);
        planned.putAll(plans);
        for (JsonNode service : rendered.ofKind("Service")) {
            cluster.exposeService(service, backends(service.path("spec").path("selector")), subdomainPods(service, desired));
        }
        desired.forEach((key, object) -> {
            if (!applied.containsKey(key)) {
                applied.put(key, object);
                List<PodPlan> mine = plans.values().stream().filter(plan -> plan.owner().equals(key)).toList();
                podsOf.put(key, mine.stream().map(PodPlan::name).toList());
                startPods(key, object, mine);
            }
        });
        rendered.ofKind("SparkApplication").forEach(operator::apply);
    }

    private void startPods(String key, JsonNode object, List<PodPlan> plans) {
        boolean ordered = key.startsWith("StatefulSet/")
                && !"Parallel".equals(object.path("spec").path("podManagementPolicy").asText());
        Daemons.start("controller " + key, () -> {
            for (PodPlan plan : plans) {
                Pod pod = cluster.startPod(plan.name(), plan.spec(), plan.labels(), plan.claims());
                if (key.startsWith("Job/")) {
                    jobs.put(key, new Job(object, pod, Instant.now()));
                }
                while (ordered && !pod.ready() && cluster.pod(plan.name()).isPresent()) {
                    sleep(Duration.ofMillis(500));
                }
            }
        });
    }

    private Map<String, PodPlan> plan(String key, JsonNode object) {
        String objectName = object.path("metadata").path("name").asText();
        JsonNode template = object.path("spec").path("template");
        Map<String, String> labels = new LinkedHashMap<>();
        template.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        Map<String, PodPlan> plans = new LinkedHashMap<>();
        if (key.startsWith("StatefulSet/")) {
            int replicas = object.path("spec").path("replicas").asInt(1);
            for (int i = 0; i < replicas; i++) {
                String pod = objectName + "-" + i;
                Map<String, Path> claims = new LinkedHashMap<>();
                for (JsonNode claim : object.path("spec").path("volumeClaimTemplates")) {
                    String claimName = claim.path("metadata").path("name").asText();
                    claims.put(claimName, cluster.claimDirectory(claimName + "-" + pod));
                }
                plans.put(pod, new PodPlan(key, pod, template.path("spec"), labels, claims));
            }
        } else if (key.startsWith("Deployment/")) {
            int replicas = object.path("spec").path("replicas").asInt(1);
            String hash = HexFormat.of().toHexDigits(template.toString().hashCode()).substring(0, 8) + "c5";
            for (int i = 0; i < replicas; i++) {
                String pod = objectName + "-" + hash + "-" + suffix();
                plans.put(pod, new PodPlan(key, pod, template.path("spec"), labels, Map.of()));
            }
        } else {
            String pod = objectName + "-" + suffix();
            plans.put(pod, new PodPlan(key, pod, template.path("spec"), labels, Map.of()));
        }
        return plans;
    }

    /** The pods a Service's selector picks among those this release runs, in name order. */
    private List<Cluster.Backend> backends(JsonNode selector) {
        return planned.values().stream().filter(plan -> {
            for (var entry : selector.properties()) {
                if (!entry.getValue().asText().equals(plan.labels().get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }).sorted(java.util.Comparator.comparing(PodPlan::name))
                .map(plan -> new Cluster.Backend(cluster.network().host(plan.name()), plan.spec())).toList();
    }

    private List<String> subdomainPods(JsonNode service, Map<String, JsonNode> desired) {
        String serviceName = service.path("metadata").path("name").asText();
        List<String> pods = new ArrayList<>();
        desired.forEach((key, object) -> {
            if (key.startsWith("StatefulSet/") && serviceName.equals(object.path("spec").path("serviceName").asText())) {
                int replicas = object.path("spec").path("replicas").asInt(1);
                for (int i = 0; i < replicas; i++) {
                    pods.add(object.path("metadata").path("name").asText() + "-" + i);
                }
            }
        });
        return pods;
    }

    private String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(alphabet.charAt(names.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }

    /** Every pod of the StatefulSets and Deployments ready, and the SparkApplication's driver running. */
    boolean workloadsReady() {
        for (Map.Entry<String, List<String>> entry : podsOf.entrySet()) {
            if (entry.getKey().startsWith("Job/")) {
                continue;
            }
            for (String pod : entry.getValue()) {
                if (cluster.pod(pod).map(p -> !p.ready()).orElse(true)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The Jobs of this revision, by name, and whether each completed (null while running). */
    Map<String, Boolean> jobs() {
        Map<String, Boolean> status = new LinkedHashMap<>();
        jobs.forEach((key, job) -> status.put(key.substring("Job/".length()), job.complete()));
        return status;
    }

    /** A pod lost for good given back by its controller (its node replaced): started again from its workload's template, with its volumes. */
    void replace(String pod) {
        PodPlan plan = planned.get(pod);
        if (plan == null) {
            throw new IllegalArgumentException("no pod " + pod + " in release " + name);
        }
        cluster.startPod(plan.name(), plan.spec(), plan.labels(), plan.claims());
    }

    List<String> pods(String kindAndName) {
        return podsOf.getOrDefault(kindAndName, List.of());
    }

    /** The NOTES Helm prints after {@code helm install} of these values. */
    String notes() {
        var install = new Helm(Chart.directory()).install().withName(name).withNamespace(cluster.namespace())
                .clientOnly().dryRun().withDryRunOption(DryRun.CLIENT);
        values.forEach(install::set);
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    /** {@code helm test}: runs the chart's test pods (restartPolicy Never) and returns each one's outcome. */
    Map<String, TestPod> test(Duration timeout) {
        Map<String, TestPod> results = new LinkedHashMap<>();
        for (JsonNode pod : Chart.renderTestHooks(name, new LinkedHashMap<>(values)).ofKind("Pod")) {
            String podName = pod.path("metadata").path("name").asText();
            cluster.host(podName);
            Map<String, String> labels = new LinkedHashMap<>();
            pod.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            Pod running = cluster.startPod(podName, pod.path("spec"), labels, Map.of());
            Instant deadline = Instant.now().plus(timeout);
            while (!running.terminated() && Instant.now().isBefore(deadline)) {
                sleep(Duration.ofMillis(200));
            }
            results.put(podName, new TestPod(running.terminated() && running.succeeded(), running.tail(20)));
            cluster.deletePod(podName);
        }
        return results;
    }

    record TestPod(boolean passed, String log) {
    }

    private record PodPlan(String owner, String name, JsonNode spec, Map<String, String> labels, Map<String, Path> claims) {
    }

    /** A Job's pod and the Job controller's verdict: complete, or failed past its backoffLimit or deadline. */
    private final class Job {
        private final JsonNode object;
        private final Pod pod;
        private final Instant started;

        Job(JsonNode object, Pod pod, Instant started) {
            this.object = object;
            this.pod = pod;
            this.started = started;
        }

        Boolean complete() {
            if (pod.succeeded()) {
                return true;
            }
            long deadline = object.path("spec").path("activeDeadlineSeconds").asLong(Long.MAX_VALUE / 2000);
            if (pod.restarts() > object.path("spec").path("backoffLimit").asInt(6)
                    || Instant.now().isAfter(started.plusSeconds(deadline)) || (pod.terminated() && !pod.succeeded())) {
                cluster.deletePod(pod.name());
                return false;
            }
            return null;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        operator.close();
    }
}
