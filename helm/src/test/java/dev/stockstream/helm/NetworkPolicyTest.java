package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * templates/networkpolicy.yaml. The flows are derived from the rendered policies as a CNI would
 * apply them (a connection needs the source's egress and the target's ingress to allow it, on a
 * port the target listens on), for every pair of components, and compared with the pipeline's table.
 */
@Timeout(120)
class NetworkPolicyTest {

    /** Each component's pod labels (as the release gives them) and the ports its pods listen on. */
    private record Component(Map<String, String> labels, List<Integer> ports) {
    }

    private static final String OUTSIDER = "outsider";
    /** A port Spark picks at random for block managers and shuffle. */
    private static final int SPARK_RANDOM_PORT = 40_123;

    private static Map<String, Component> components() {
        Map<String, Component> components = new LinkedHashMap<>();
        components.put("producer", release("producer", 8080));
        components.put("kafka", release("kafka", 9092, 9093));
        components.put("kafka-topic", release("kafka-topic"));
        components.put("hdfs-namenode", release("hdfs-namenode", 8020, 9870));
        components.put("hdfs-datanode", release("hdfs-datanode", 9866, 9864, 9867));
        components.put("hdfs-init", release("hdfs-init"));
        components.put("spark", release("spark", 4040, 7078, 7079, SPARK_RANDOM_PORT));
        components.put("history-compaction", release("history-compaction", 4040, 7078, 7079, SPARK_RANDOM_PORT));
        components.put("visualizer", release("visualizer", 8080));
        components.put("test-dashboard", release("test-dashboard"));
        components.put(OUTSIDER, new Component(Map.of("app", "something-else"), List.of()));
        return components;
    }

    private static Component release(String component, Integer... ports) {
        return new Component(Map.of("app.kubernetes.io/name", "stock-streaming", "app.kubernetes.io/instance", Chart.RELEASE,
                "app.kubernetes.io/component", component), List.of(ports));
    }

    /** "from -> to" for every pair of components the rendered policies let connect. */
    private static Set<String> flows(Rendered rendered) {
        List<JsonNode> policies = rendered.ofKind("NetworkPolicy");
        Map<String, Component> components = components();
        Set<String> flows = new TreeSet<>();
        components.forEach((from, source) -> components.forEach((to, target) -> {
            boolean allowed = target.ports().stream().anyMatch(port ->
                    allows(policies, source.labels(), "Egress", "egress", "to", target.labels(), port)
                            && allows(policies, target.labels(), "Ingress", "ingress", "from", source.labels(), port));
            if (allowed) {
                flows.add(from + " -> " + to);
            }
        }));
        return flows;
    }

    /** Does the policy side of {@code pod} let it talk to {@code peer} on {@code port} (no policy selecting it: yes)? */
    private static boolean allows(List<JsonNode> policies, Map<String, String> pod, String type, String rulesField,
                                  String peersField, Map<String, String> peer, int port) {
        List<JsonNode> selecting = policies.stream().filter(policy -> matches(policy.path("spec").path("podSelector"), pod))
                .filter(policy -> policy.path("spec").path("policyTypes").toString().contains(type)).toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (JsonNode policy : selecting) {
            for (JsonNode rule : policy.path("spec").path(rulesField)) {
                boolean peerAllowed = !rule.has(peersField) || rule.path(peersField).isEmpty()
                        || java.util.stream.StreamSupport.stream(rule.path(peersField).spliterator(), false)
                        .anyMatch(p -> p.size() == 1 && p.has("podSelector") && matches(p.path("podSelector"), peer));
                boolean portAllowed = !rule.has("ports") || java.util.stream.StreamSupport.stream(rule.path("ports").spliterator(), false)
                        .anyMatch(p -> p.path("port").asInt() == port);
                if (peerAllowed && portAllowed) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(JsonNode selector, Map<String, String> labels) {
        assertThat(selector.has("matchExpressions")).as("the chart selects by matchLabels only").isFalse();
        java.util.Iterator<Map.Entry<String, JsonNode>> wanted = selector.path("matchLabels").fields();
        while (wanted.hasNext()) {
            Map.Entry<String, JsonNode> label = wanted.next();
            if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void byDefaultEachComponentTalksOnlyToWhatThePipelineNeedsAndAnyoneReachesTheDashboard() {
        assertThat(flows(Chart.render())).containsExactlyInAnyOrder(
                "producer -> kafka",
                "kafka -> kafka",
                "kafka-topic -> kafka",
                "spark -> kafka",
                "spark -> spark",
                "spark -> hdfs-namenode",
                "spark -> hdfs-datanode",
                "history-compaction -> history-compaction",
                "history-compaction -> hdfs-namenode",
                "history-compaction -> hdfs-datanode",
                "visualizer -> hdfs-namenode",
                "visualizer -> hdfs-datanode",
                "hdfs-datanode -> hdfs-namenode",
                "hdfs-datanode -> hdfs-datanode",
                "hdfs-init -> hdfs-namenode",
                "test-dashboard -> visualizer",
                OUTSIDER + " -> visualizer");
    }

    @Test
    void everyPodOfTheChartIsSelectedByAPolicyThatRestrictsBothDirections() {
        Rendered rendered = Chart.render();
        List<JsonNode> policies = rendered.ofKind("NetworkPolicy");
        assertThat(policies).hasSize(10).allSatisfy(policy ->
                assertThat(policy.path("spec").path("policyTypes").toString()).contains("Ingress", "Egress"));
        components().forEach((name, component) -> {
            if (!name.equals(OUTSIDER)) {
                assertThat(policies).as(name).anyMatch(policy -> matches(policy.path("spec").path("podSelector"), component.labels()));
            }
        });
    }

    @Test
    void everyComponentMayResolveNames() {
        components().forEach((name, component) -> {
            if (!name.equals(OUTSIDER)) {
                assertThat(allows(Chart.render().ofKind("NetworkPolicy"), component.labels(), "Egress", "egress", "to",
                        Map.of("k8s-app", "kube-dns"), 53)).as(name + " to DNS").isTrue();
            }
        });
    }

    @Test
    void turnedOffThereIsNoPolicy() {
        assertThat(Chart.render(Map.of("networkPolicy.enabled", false)).ofKind("NetworkPolicy")).isEmpty();
    }

    @Test
    void aJobTheChartDoesNotRunGetsNoPolicy() {
        assertThat(Chart.render(Map.of("kafka.topic.create", false, "history.enabled", false)).ofKind("NetworkPolicy"))
                .extracting(policy -> policy.path("metadata").path("name").asText())
                .hasSize(8).doesNotContain("stock-streaming-kafka-topic", "stock-streaming-history-compaction");
    }

    @Test
    void dashboardFromLimitsTheDashboardToThosePeersAndTheHelmTest() {
        Rendered rendered = Chart.render(Map.of("networkPolicy.dashboardFrom[0].namespaceSelector.matchLabels.name", "ingress"));
        assertThat(flows(rendered)).contains("test-dashboard -> visualizer").doesNotContain(OUTSIDER + " -> visualizer");
        assertThat(policy(rendered, "visualizer").path("spec").path("ingress").get(0).path("from").get(0)
                .path("namespaceSelector").path("matchLabels").path("name").asText()).isEqualTo("ingress");
    }

    @Test
    void metricsFromOpensTheMetricsPortsOfTheProducerTheVisualizerAndTheSparkDrivers() {
        Rendered rendered = Chart.render(Map.of("networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.name", "monitoring",
                "networkPolicy.dashboardFrom[0].podSelector.matchLabels.app", "proxy"));
        Map<String, Integer> ports = Map.of("producer", 8080, "visualizer", 8080, "spark", 4040, "history-compaction", 4040);
        ports.forEach((component, port) -> assertThat(policy(rendered, component).path("spec").path("ingress").toString())
                .as(component).contains("{\"from\":[{\"namespaceSelector\":{\"matchLabels\":{\"name\":\"monitoring\"}}}],\"ports\":[{\"port\":"
                        + port + ",\"protocol\":\"TCP\"}]}"));
        assertThat(Chart.render().ofKind("NetworkPolicy").toString()).doesNotContain("monitoring");
    }

    @Test
    void producerApiFromLetsThosePeersCallTheProducer() {
        Rendered rendered = Chart.render(Map.of("networkPolicy.producerApiFrom[0].podSelector.matchLabels.app", "something-else"));
        assertThat(flows(rendered)).contains(OUTSIDER + " -> producer");
        assertThat(flows(Chart.render())).doesNotContain(OUTSIDER + " -> producer");
    }

    @Test
    void withExternalKafkaAndHdfsTheirClientsMayReachExternalToOrAnywhere() {
        Rendered anywhere = Chart.render(Map.of("kafka.enabled", false, "kafka.external.bootstrapServers", "kafka.example:9092",
                "hdfs.enabled", false, "hdfs.external.uri", "hdfs://nn.example:8020"));
        assertThat(anywhere.ofKind("NetworkPolicy")).extracting(p -> p.path("metadata").path("name").asText())
                .doesNotContain("stock-streaming-kafka", "stock-streaming-hdfs-namenode");
        for (String client : List.of("producer", "spark", "visualizer", "kafka-topic")) {
            assertThat(policy(anywhere, client).path("spec").path("egress").toString()).as(client).contains("{}");
        }
        Rendered limited = Chart.render(Map.of("kafka.enabled", false, "kafka.external.bootstrapServers", "kafka.example:9092",
                "networkPolicy.externalTo[0].ipBlock.cidr", "10.20.0.0/16"));
        assertThat(policy(limited, "producer").path("spec").path("egress").toString())
                .contains("{\"to\":[{\"ipBlock\":{\"cidr\":\"10.20.0.0/16\"}}]}").doesNotContain("{}");
    }

    @Test
    void theSparkDriversReachTheKubernetesApiOnItsPortsOnly() {
        JsonNode egress = policy(Chart.render(Map.of("networkPolicy.kubernetesApiTo[0].ipBlock.cidr", "10.0.0.1/32")), "spark")
                .path("spec").path("egress");
        assertThat(egress.toString()).contains("{\"to\":[{\"ipBlock\":{\"cidr\":\"10.0.0.1/32\"}}],\"ports\":[{\"port\":443,\"protocol\":\"TCP\"},"
                + "{\"port\":6443,\"protocol\":\"TCP\"}]}");
        assertThat(policy(Chart.render(), "producer").path("spec").path("egress").toString()).doesNotContain("6443");
    }

    private static JsonNode policy(Rendered rendered, String component) {
        return rendered.get("NetworkPolicy", "stock-streaming-" + component);
    }
}
