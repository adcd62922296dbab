package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The standard pod values on every workload, the default anti-affinity and the PodDisruptionBudgets. */
@Timeout(120)
class PodValuesTest {

    /** Every pod the chart makes, as (the values it takes, the workload). */
    static Stream<Arguments> everyWorkload() {
        return Stream.of(Arguments.of("kafka", "StatefulSet/kafka"), Arguments.of("kafka", "Job/kafka-topic"),
                Arguments.of("hdfs", "StatefulSet/hdfs-namenode"), Arguments.of("hdfs", "StatefulSet/hdfs-datanode"),
                Arguments.of("hdfs", "Job/hdfs-init"), Arguments.of("producer", "Deployment/producer"),
                Arguments.of("visualizer", "Deployment/visualizer"), Arguments.of("spark", "spark/driver"),
                Arguments.of("spark", "spark/executor"));
    }

    /** The pod template of a workload, as "kind/component"; the Spark job's driver and executors as "spark/driver". */
    private static JsonNode pod(Rendered rendered, String workload) {
        String[] parts = workload.split("/");
        if (parts[0].equals("spark")) {
            return Workloads.sparkApplication(rendered).path("spec").path(parts[1]);
        }
        return rendered.component(parts[0], parts[1]).path("spec").path("template");
    }

    private static JsonNode spec(Rendered rendered, String workload) {
        return workload.startsWith("spark/") ? pod(rendered, workload) : pod(rendered, workload).path("spec");
    }

    private static JsonNode metadata(Rendered rendered, String workload) {
        return workload.startsWith("spark/") ? pod(rendered, workload) : pod(rendered, workload).path("metadata");
    }

    private static JsonNode firstContainer(Rendered rendered, String workload) {
        return workload.startsWith("spark/") ? pod(rendered, workload) : spec(rendered, workload).path("containers").get(0);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("everyWorkload")
    void nodeSelectorTolerationsAndAffinityPlaceThePods(String values, String workload) {
        Rendered rendered = Chart.render(Map.of(values + ".nodeSelector.pool", "streaming",
                values + ".tolerations[0].key", "dedicated", values + ".tolerations[0].operator", "Exists",
                values + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key", "zone",
                values + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator", "Exists"));
        JsonNode spec = spec(rendered, workload);
        assertThat(spec.path("nodeSelector").path("pool").asText()).isEqualTo("streaming");
        assertThat(spec.path("tolerations").get(0).path("key").asText()).isEqualTo("dedicated");
        assertThat(spec.path("affinity").path("nodeAffinity").toString()).contains("\"key\":\"zone\"");
        assertThat(spec.path("affinity").has("podAntiAffinity")).as("an affinity given replaces the default").isFalse();
        JsonNode defaults = spec(Chart.render(), workload);
        assertThat(defaults.has("nodeSelector")).isFalse();
        assertThat(defaults.has("tolerations")).isFalse();
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("everyWorkload")
    void podAnnotationsAndPodLabelsAreAddedToTheChartsOwn(String values, String workload) {
        Rendered rendered = Chart.render(Map.of(values + ".podAnnotations.team/owner", "markets",
                values + ".podLabels.cost-center", "fx-desk"));
        JsonNode metadata = metadata(rendered, workload);
        assertThat(metadata.path("annotations").path("team/owner").asText()).isEqualTo("markets");
        assertThat(metadata.path("labels").path("cost-center").asText()).isEqualTo("fx-desk");
        assertThat(metadata.path("labels").path("app.kubernetes.io/component").asText()).isNotEmpty();
        if (workload.contains("hdfs-n") || workload.contains("hdfs-d")) {
            assertThat(metadata.path("annotations").path("checksum/config").asText()).as("the chart's own annotation stays").isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource({
        "kafka, StatefulSet/kafka", "hdfs, StatefulSet/hdfs-namenode", "hdfs, StatefulSet/hdfs-datanode",
        "producer, Deployment/producer", "visualizer, Deployment/visualizer", "spark, spark/driver", "spark, spark/executor",
    })
    void extraEnvComesAfterTheChartsOwnEnv(String values, String workload) {
        Rendered rendered = Chart.render(Map.of(values + ".extraEnv[0].name", "TZ", values + ".extraEnv[0].value", "UTC"));
        JsonNode env = firstContainer(rendered, workload).path("env");
        assertThat(env.get(env.size() - 1).path("name").asText()).isEqualTo("TZ");
        assertThat(env.get(env.size() - 1).path("value").asText()).isEqualTo("UTC");
        JsonNode defaults = firstContainer(Chart.render(), workload).path("env");
        assertThat(defaults.toString()).doesNotContain("\"TZ\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"kafka, StatefulSet/kafka", "hdfs, StatefulSet/hdfs-datanode"})
    void brokersAndDataNodesSpreadOverNodesSoftlyByDefaultHardOrNotAtAllOnRequest(String values, String workload) {
        JsonNode soft = spec(Chart.render(), workload).path("affinity").path("podAntiAffinity");
        JsonNode term = soft.path("preferredDuringSchedulingIgnoredDuringExecution").get(0).path("podAffinityTerm");
        assertThat(term.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        assertThat(term.path("labelSelector").path("matchLabels"))
                .isEqualTo(Chart.render().component(workload.split("/")[0], workload.split("/")[1])
                        .path("spec").path("selector").path("matchLabels"));

        JsonNode hard = spec(Chart.render(Map.of(values + ".podAntiAffinity", "hard")), workload).path("affinity").path("podAntiAffinity");
        assertThat(hard.path("requiredDuringSchedulingIgnoredDuringExecution").get(0).path("topologyKey").asText())
                .isEqualTo("kubernetes.io/hostname");
        assertThat(hard.has("preferredDuringSchedulingIgnoredDuringExecution")).isFalse();

        assertThat(spec(Chart.render(Map.of(values + ".podAntiAffinity", "none")), workload).has("affinity")).isFalse();
    }

    @Test
    void theOtherWorkloadsHaveNoDefaultAffinity() {
        for (String workload : List.of("StatefulSet/hdfs-namenode", "Deployment/producer", "Deployment/visualizer", "Job/kafka-topic")) {
            assertThat(spec(Chart.render(), workload).has("affinity")).as(workload).isFalse();
        }
    }

    @Test
    void aSinglePodGetsNoBudgetAndEachReplicatedComponentOneAllowingOneEviction() {
        assertThat(Chart.render().ofKind("PodDisruptionBudget")).as("defaults: one broker, one DataNode, one visualizer").isEmpty();

        Rendered replicated = Chart.render(Map.of("kafka.replicas", 3, "kafka.topic.replicationFactor", 3,
                "hdfs.datanode.replicas", 3, "visualizer.replicas", 2));
        assertThat(replicated.ofKind("PodDisruptionBudget")).hasSize(3);
        for (String component : List.of("kafka", "hdfs-datanode", "visualizer")) {
            JsonNode budget = replicated.component("PodDisruptionBudget", component);
            assertThat(budget.path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
            String kind = component.equals("visualizer") ? "Deployment" : "StatefulSet";
            assertThat(budget.path("spec").path("selector").path("matchLabels"))
                    .isEqualTo(replicated.component(kind, component).path("spec").path("selector").path("matchLabels"));
        }
        assertThat(Chart.render(Map.of("kafka.replicas", 3, "kafka.topic.replicationFactor", 3, "podDisruptionBudget.enabled", false))
                .ofKind("PodDisruptionBudget")).isEmpty();
    }
}
