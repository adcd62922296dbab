package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart lints, renders with defaults and overrides, and every object is valid for the API server. */
@Timeout(120)
class ChartRenderTest {

    static Stream<Arguments> renders() {
        return Stream.of(
                Arguments.of("defaults", Map.of()),
                Arguments.of("five executors", Map.of("spark.executor.instances", 5)),
                Arguments.of("external Kafka", Map.of("kafka.enabled", false,
                        "kafka.external.bootstrapServers", "kafka-0.example:9092,kafka-1.example:9092")),
                Arguments.of("external HDFS", Map.of("hdfs.enabled", false,
                        "hdfs.external.uri", "hdfs://namenode.example:8020")),
                Arguments.of("dynamic allocation", Map.of("spark.dynamicAllocation.enabled", true)),
                Arguments.of("three brokers and datanodes", Map.of("kafka.replicas", 3, "kafka.topic.replicationFactor", 3,
                        "hdfs.datanode.replicas", 3, "hdfs.replication", 3)),
                Arguments.of("no topic job, no RBAC, no service account", Map.of("kafka.topic.create", false,
                        "spark.rbac.create", false, "spark.serviceAccount.create", false)),
                Arguments.of("no history compaction", Map.of("history.enabled", false)),
                Arguments.of("image registry and pull secret", Map.of("global.imageRegistry", "registry.example.com/team",
                        "global.imagePullSecrets[0].name", "regcred")),
                Arguments.of("every pod value of every component, replicas, monitoring", podValuesEverywhere()));
    }

    /** nodeSelector, tolerations, affinity, podAnnotations, podLabels and extraEnv set on every component. */
    private static Map<String, Object> podValuesEverywhere() {
        Map<String, Object> sets = new java.util.LinkedHashMap<>(Map.of("kafka.replicas", 3, "kafka.topic.replicationFactor", 3,
                "hdfs.datanode.replicas", 3, "visualizer.replicas", 2, "metrics.grafanaDashboard.enabled", true));
        for (String component : List.of("kafka", "hdfs", "producer", "visualizer", "spark")) {
            sets.put(component + ".nodeSelector.pool", "streaming");
            sets.put(component + ".tolerations[0].key", "dedicated");
            sets.put(component + ".tolerations[0].operator", "Exists");
            sets.put(component + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                    + ".matchExpressions[0].key", "zone");
            sets.put(component + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                    + ".matchExpressions[0].operator", "Exists");
            sets.put(component + ".podAnnotations.team/owner", "markets");
            sets.put(component + ".podLabels.cost-center", "fx-desk");
            sets.put(component + ".extraEnv[0].name", "TZ");
            sets.put(component + ".extraEnv[0].value", "UTC");
        }
        return sets;
    }

    @Test
    void helmLintFindsNothingWrongWithTheChart() {
        LintResult lint = Chart.lint();

        assertThat(lint.isFailed()).as("helm lint: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyRenderedObjectParsesStrictlyIntoItsKubernetesModel(String name, Map<String, ?> sets) {
        Rendered rendered = Chart.render(sets);

        assertThat(rendered.objects()).isNotEmpty();
        for (JsonNode object : rendered.objects()) {
            if (SparkOperatorCrds.isCustomResource(object)) {
                assertThat(SparkOperatorCrds.validate(object)).as(rendered.names()).isEmpty();
                StrictModels.metadata(object);
            } else {
                HasMetadata model = StrictModels.parse(object);
                assertThat(model.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyObjectCarriesTheRecommendedLabels(String name, Map<String, ?> sets) {
        for (JsonNode object : Chart.render(sets).objects()) {
            Map<String, String> labels = StrictModels.metadata(object).getLabels();
            assertThat(labels).as(object.path("kind") + "/" + object.path("metadata").path("name"))
                    .containsEntry("app.kubernetes.io/name", "stock-streaming")
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                    .containsEntry("app.kubernetes.io/version", System.getProperty("project.version"))
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsKey("app.kubernetes.io/component");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyPodRunsAsNonRootWithResourcesAndNoPrivilegeEscalation(String name, Map<String, ?> sets) {
        for (Map.Entry<String, PodSpec> pod : podSpecs(Chart.render(sets)).entrySet()) {
            PodSpec spec = pod.getValue();
            assertThat(spec.getSecurityContext().getRunAsNonRoot()).as(pod.getKey()).isTrue();
            assertThat(spec.getSecurityContext().getRunAsUser()).as(pod.getKey()).isPositive();
            for (Container container : spec.getContainers()) {
                String where = pod.getKey() + " container " + container.getName();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(where).isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(where).contains("ALL");
                assertThat(container.getResources().getRequests()).as(where).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(where).containsKey("memory");
                assertThat(container.getImage()).as(where).contains(":").doesNotEndWith(":latest");
            }
        }
    }

    @Test
    void theStrictParserRejectsAMisspeltField() {
        ObjectNode deployment = (ObjectNode) Chart.render().component("Deployment", "producer").deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replica", 1);

        assertThatThrownBy(() -> StrictModels.parse(deployment))
                .hasMessageContaining("Deployment")
                .hasMessageContaining("replica");
    }

    @Test
    void theStrictCrdSchemaRejectsAMisspeltSparkApplicationField() {
        ObjectNode application = (ObjectNode) Chart.render().ofKind("SparkApplication").get(0).deepCopy();
        ((ObjectNode) application.path("spec").path("executor")).put("instance", 5);

        assertThat(SparkOperatorCrds.validate(application)).anyMatch(m -> m.contains("instance"));
    }

    @Test
    void defaultsRenderEveryComponentOfThePipeline() {
        Rendered rendered = Chart.render();

        assertThat(rendered.component("StatefulSet", "kafka")).isNotNull();
        assertThat(rendered.component("StatefulSet", "hdfs-namenode")).isNotNull();
        assertThat(rendered.component("StatefulSet", "hdfs-datanode")).isNotNull();
        assertThat(rendered.component("Deployment", "producer")).isNotNull();
        assertThat(rendered.component("Deployment", "visualizer")).isNotNull();
        assertThat(rendered.component("Service", "visualizer")).isNotNull();
        assertThat(rendered.component("Job", "kafka-topic")).isNotNull();
        assertThat(rendered.component("Job", "hdfs-init")).isNotNull();
        assertThat(Chart.renderTestHooks(Map.of()).component("Pod", "test-dashboard")).isNotNull();
        assertThat(rendered.ofKind("SparkApplication")).hasSize(1);
        assertThat(rendered.ofKind("ScheduledSparkApplication")).hasSize(1);
    }

    static Map<String, PodSpec> podSpecs(Rendered rendered) {
        Map<String, PodSpec> specs = new java.util.LinkedHashMap<>();
        for (JsonNode object : rendered.objects()) {
            String key = object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
            switch (object.path("kind").asText()) {
                case "Deployment" -> specs.put(key, StrictModels.convert(object, Deployment.class).getSpec().getTemplate().getSpec());
                case "StatefulSet" -> specs.put(key, StrictModels.convert(object, StatefulSet.class).getSpec().getTemplate().getSpec());
                case "Job" -> specs.put(key, StrictModels.convert(object, Job.class).getSpec().getTemplate().getSpec());
                case "Pod" -> specs.put(key, StrictModels.convert(object, io.fabric8.kubernetes.api.model.Pod.class).getSpec());
                default -> { }
            }
        }
        return specs;
    }

}
