package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kafka and HDFS switched off in favour of external ones: nothing of theirs is rendered, the apps get the given addresses. */
@Timeout(120)
class ExternalServicesTest {

    @Test
    void shouldNotDeployKafkaAndShouldGiveTheAppsTheExternalBootstrapServersIfKafkaIsDisabled() {
        String external = "broker-0.kafka.example:9092,broker-1.kafka.example:9092";
        Rendered rendered = Chart.render(Map.of("kafka.enabled", false, "kafka.external.bootstrapServers", external));

        assertThat(rendered.hasComponent("StatefulSet", "kafka")).isFalse();
        assertThat(rendered.hasComponent("Service", "kafka")).isFalse();
        assertThat(Workloads.env(Workloads.container(rendered, "producer"))).containsEntry("KAFKA_BOOTSTRAP_SERVERS", external);
        assertThat(Workloads.sparkArguments(rendered)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", external);
        assertThat(rendered.component("Job", "kafka-topic").toString()).contains("\"" + external + "\"");
    }

    @Test
    void shouldNotDeployHdfsAndShouldGiveTheAppsTheOutputRootOnTheExternalHdfsIfHdfsIsDisabled() {
        Rendered rendered = Chart.render(Map.of("hdfs.enabled", false, "hdfs.external.uri", "hdfs://namenode.example:8020"));

        for (String kind : new String[] {"StatefulSet", "Service", "ConfigMap", "Job"}) {
            assertThat(rendered.ofKind(kind)).as(kind).noneMatch(o ->
                    o.path("metadata").path("labels").path("app.kubernetes.io/component").asText().startsWith("hdfs"));
        }
        String root = "hdfs://namenode.example:8020/stockstream";
        assertThat(Workloads.env(Workloads.container(rendered, "visualizer"))).containsEntry("STOCK_OUTPUT_ROOT", root);
        assertThat(Workloads.sparkArguments(rendered)).containsEntry("STOCK_OUTPUT_ROOT", root);
        JsonNode sparkConf = Workloads.sparkApplication(rendered).path("spec").path("sparkConf");
        assertThat(sparkConf.has("spark.hadoop.dfs.replication")).as("the external HDFS keeps its own replication").isFalse();
    }

    @Test
    void shouldUseAFullOutputRootUriAsGiven() {
        Rendered rendered = Chart.render(Map.of("hdfs.enabled", false, "stock.outputRoot", "hdfs://nn.example:9000/data/ticks"));

        assertThat(Workloads.env(Workloads.container(rendered, "visualizer"))).containsEntry("STOCK_OUTPUT_ROOT", "hdfs://nn.example:9000/data/ticks");
        assertThat(Workloads.sparkArguments(rendered)).containsEntry("STOCK_OUTPUT_ROOT", "hdfs://nn.example:9000/data/ticks");
    }
}
