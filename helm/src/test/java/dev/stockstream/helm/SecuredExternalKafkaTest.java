package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kafka.external.clientConfigSecret: the client settings of a secured external Kafka (SASL, TLS) reach
 * every Kafka client of the release, as the file STOCK_KAFKA_CLIENT_CONFIG names.
 */
@Timeout(120)
class SecuredExternalKafkaTest {

    private static final String FILE = "/etc/stockstream/kafka/client.properties";
    private static final Map<String, Object> SECURED = Map.of("kafka.enabled", false,
            "kafka.external.bootstrapServers", "kafka-0.example:9093", "kafka.external.clientConfigSecret", "kafka-client");

    @Test
    void theProducerGetsTheFileFromTheSecretMountedReadOnly() {
        Rendered rendered = Chart.render(SECURED);
        Container producer = Workloads.container(rendered, "producer");
        assertThat(Workloads.env(producer)).containsEntry("STOCK_KAFKA_CLIENT_CONFIG", FILE);
        assertThat(producer.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/etc/stockstream/kafka");
            assertThat(mount.getReadOnly()).isTrue();
        });
        JsonNode volumes = rendered.component("Deployment", "producer").path("spec").path("template").path("spec").path("volumes");
        assertThat(volumes.toString()).contains("{\"name\":\"kafka-client-config\",\"secret\":{\"secretName\":\"kafka-client\"}}");
    }

    @Test
    void theSparkJobsGetTheFileAsArgumentAndSparkMountsTheSecretOnDriverAndExecutors() {
        Rendered rendered = Chart.render(SECURED);
        assertThat(Workloads.sparkArguments(rendered)).containsEntry("STOCK_KAFKA_CLIENT_CONFIG", FILE);
        JsonNode conf = Workloads.sparkApplication(rendered).path("spec").path("sparkConf");
        assertThat(conf.path("spark.kubernetes.driver.secrets.kafka-client").asText()).isEqualTo("/etc/stockstream/kafka");
        assertThat(conf.path("spark.kubernetes.executor.secrets.kafka-client").asText()).isEqualTo("/etc/stockstream/kafka");
        assertThat(rendered.ofKind("ScheduledSparkApplication").get(0).path("spec").path("template").path("sparkConf")
                .has("spark.kubernetes.driver.secrets.kafka-client")).as("the history compaction reads no Kafka, gets the same conf")
                .isTrue();
    }

    @Test
    void theTopicJobPassesTheFileToKafkasToolsAsCommandConfig() {
        Job job = StrictModels.convert(Chart.render(SECURED).component("Job", "kafka-topic"), Job.class);
        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<String> command = new ArrayList<>(container.getCommand());
        assertThat(command.get(command.size() - 1)).isEqualTo(FILE);
        assertThat(command.get(2)).contains("client_config=\"$8\"", "${client_config:+--command-config \"$client_config\"}");
        assertThat(container.getVolumeMounts()).extracting(mount -> mount.getMountPath()).containsExactly("/etc/stockstream/kafka");
    }

    @Test
    void withoutTheSecretEveryClientIsPlaintextAndNothingIsMounted() {
        Rendered rendered = Chart.render();
        assertThat(Workloads.env(Workloads.container(rendered, "producer"))).containsEntry("STOCK_KAFKA_CLIENT_CONFIG", "");
        assertThat(Workloads.sparkArguments(rendered)).containsEntry("STOCK_KAFKA_CLIENT_CONFIG", "");
        assertThat(rendered.text()).doesNotContain("kafka-client-config", "spark.kubernetes.driver.secrets");
    }
}
