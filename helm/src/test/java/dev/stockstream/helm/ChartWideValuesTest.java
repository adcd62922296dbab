package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Values that act on every template: resource names, the image registry and pull secrets. */
@Timeout(120)
class ChartWideValuesTest {

    @Test
    void shouldNameEveryResourceAfterFullnameOverrideAndWireTheAppsToTheRenamedServices() {
        Rendered rendered = Chart.render(Map.of("fullnameOverride", "ticks"));

        for (JsonNode object : rendered.objects()) {
            assertThat(object.path("metadata").path("name").asText()).startsWith("ticks-");
        }
        assertThat(Workloads.env(Workloads.container(rendered, "producer"))).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "ticks-kafka:9092");
        assertThat(Workloads.sparkArguments(rendered)).containsEntry("STOCK_OUTPUT_ROOT", "hdfs://ticks-hdfs-namenode:8020/stockstream");
        assertThat(rendered.find("Service", "ticks-kafka")).isPresent();
        assertThat(rendered.find("Service", "ticks-hdfs-namenode")).isPresent();
    }

    @Test
    void shouldPrefixNamesWithTheReleaseNameAndTheChartName() {
        String text = new com.marcnuri.helm.Helm(Chart.directory()).template().withName("prod").call();

        assertThat(new Rendered(text).find("Service", "prod-stock-streaming-visualizer")).isPresent();
    }

    @Test
    void shouldPrefixTheProjectImagesWithTheGlobalRegistryAndPullSecrets() {
        Rendered rendered = Chart.render(Map.of("global.imageRegistry", "registry.example.com/team",
                "global.imagePullSecrets[0].name", "regcred", "spark.image.tag", "1.2.3"));
        JsonNode spec = Workloads.sparkApplication(rendered).path("spec");

        assertThat(spec.path("image").asText()).isEqualTo("registry.example.com/team/stockstream/spark-app:1.2.3");
        assertThat(spec.path("imagePullSecrets").get(0).asText()).isEqualTo("regcred");
        assertThat(Workloads.container(rendered, "producer").getImage())
                .isEqualTo("registry.example.com/team/stockstream/producer:" + System.getProperty("project.version"));
        assertThat(Workloads.podTemplate(rendered, "visualizer").getSpec().getImagePullSecrets()).extracting("name").containsExactly("regcred");
        assertThat(Workloads.container(rendered, "kafka").getImage()).isEqualTo("apache/kafka:3.9.1");
    }
}
