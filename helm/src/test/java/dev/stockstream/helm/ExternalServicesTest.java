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
        assertThat(Workloads.sparkEnv(rendered, "driver")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", external);
        assertThat(Workloads.sparkEnv(rendered, "executor")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", external);
        assertThat(rendered.component("Job", "kafka-topic").toString()).contains("\"" + external + "\"");
    }

    @Test
    void shouldNotCreateTheTopicJobIfKafkaTopicCreateIsFalse() {
        assertThat(Chart.render(Map.of("kafka.topic.create", false)).hasComponent("Job", "kafka-topic")).isFalse();
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
        assertThat(Workloads.sparkEnv(rendered, "driver")).containsEntry("STOCK_OUTPUT_ROOT", root);
        JsonNode sparkConf = Workloads.sparkApplication(rendered).path("spec").path("sparkConf");
        assertThat(sparkConf.has("spark.hadoop.dfs.replication")).as("the external HDFS keeps its own replication").isFalse();
    }

    @Test
    void shouldUseAFullOutputRootUriAsGiven() {
        Rendered rendered = Chart.render(Map.of("hdfs.enabled", false, "stock.outputRoot", "hdfs://nn.example:9000/data/ticks"));

        assertThat(Workloads.env(Workloads.container(rendered, "visualizer"))).containsEntry("STOCK_OUTPUT_ROOT", "hdfs://nn.example:9000/data/ticks");
        assertThat(Workloads.sparkEnv(rendered, "executor")).containsEntry("STOCK_OUTPUT_ROOT", "hdfs://nn.example:9000/data/ticks");
    }

    @Test
    void shouldDeployTheHdfsInitJobThatGivesTheOutputRootToTheSparkUser() {
        JsonNode job = Chart.render(Map.of("stock.outputRoot", "/data/ticks", "hdfs.outputOwner", "spark:spark")).component("Job", "hdfs-init");

        assertThat(job.toString()).contains("\"hdfs://stock-streaming-hdfs-namenode:8020/data/ticks\"", "\"spark:spark\"", "-chown");
    }

    @Test
    void shouldTurnHdfsPermissionChecksOffIfHdfsPermissionsEnabledIsFalse() {
        String hdfsSite = Chart.render(Map.of("hdfs.permissionsEnabled", false)).component("ConfigMap", "hdfs")
                .path("data").path("hdfs-site.xml").asText();

        assertThat(hdfsSite).contains("<name>dfs.permissions.enabled</name><value>false</value>");
    }

    @Test
    void shouldFormatTheNameNodeOnlyWhenItsVolumeHasNoFormattedImage() {
        String command = String.join("\n", Workloads.container(Chart.render(), "hdfs-namenode").getCommand());

        assertThat(command).contains("if [ ! -f /hadoop/dfs/name/current/VERSION ]", "namenode -format -nonInteractive", "exec /opt/hadoop/bin/hdfs namenode");
        assertThat(command).doesNotContain("-force");
    }

    @Test
    void shouldListEveryKafkaNodeAsAControllerVoter() {
        Map<String, String> env = Workloads.env(Workloads.container(Chart.render(Map.of("kafka.replicas", 3, "kafka.topic.replicationFactor", 3)), "kafka"));

        assertThat(env).containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS",
                "0@stock-streaming-kafka-0.stock-streaming-kafka:9093,1@stock-streaming-kafka-1.stock-streaming-kafka:9093,"
                        + "2@stock-streaming-kafka-2.stock-streaming-kafka:9093");
        assertThat(env).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3");
    }
}
