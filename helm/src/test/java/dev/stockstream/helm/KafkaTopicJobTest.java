package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/kafka/topic-job.yaml: the hook Job that creates the ticks topic. */
@Timeout(120)
class KafkaTopicJobTest {

    @Test
    void theTopicGetsTheMinInsyncReplicasOfTheValuesWhenCreatedAndWhenItExists() {
        JsonNode container = Chart.render(Map.of("kafka.replicas", 3, "kafka.topic.replicationFactor", 3,
                "kafka.topic.minInsyncReplicas", 2)).component("Job", "kafka-topic").path("spec").path("template")
                .path("spec").path("containers").get(0);
        List<String> command = new ArrayList<>();
        container.path("command").forEach(word -> command.add(word.asText()));
        String script = command.get(2);

        assertThat(command.subList(command.size() - 6, command.size() - 4)).as("replication, min.insync.replicas").containsExactly("3", "2");
        assertThat(script).contains("--create", "--config min.insync.replicas=\"$min_insync\"",
                "kafka-configs.sh", "--add-config \"$configs\"", "configs=\"min.insync.replicas=$min_insync,");
    }

    @Test
    void theTopicIsBoundedInBytesAndTimeByTheValuesSoThatAFloodCannotFillTheBrokersVolume() {
        JsonNode container = Chart.render(Map.of("kafka.topic.retentionBytes", 2147483648L, "kafka.topic.segmentBytes", 134217728,
                "kafka.topic.retentionMs", 86400000)).component("Job", "kafka-topic").path("spec").path("template")
                .path("spec").path("containers").get(0);
        List<String> command = new ArrayList<>();
        container.path("command").forEach(word -> command.add(word.asText()));
        String script = command.get(2);

        assertThat(command.subList(command.size() - 4, command.size() - 1)).containsExactly("2147483648", "134217728", "86400000");
        assertThat(script).contains("--config retention.bytes=\"$5\"", "--config segment.bytes=\"$6\"", "--config retention.ms=\"$7\"",
                "retention.bytes=$5,segment.bytes=$6,retention.ms=$7");
    }

    @Test
    void shouldNotCreateTheTopicJobIfKafkaTopicCreateIsFalse() {
        assertThat(Chart.render(Map.of("kafka.topic.create", false)).hasComponent("Job", "kafka-topic")).isFalse();
    }
}
