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

        assertThat(command.subList(command.size() - 2, command.size())).as("replication, min.insync.replicas").containsExactly("3", "2");
        assertThat(script).contains("--create", "--config min.insync.replicas=\"$min_insync\"",
                "kafka-configs.sh", "--add-config min.insync.replicas=\"$min_insync\"");
    }

    @Test
    void shouldNotCreateTheTopicJobIfKafkaTopicCreateIsFalse() {
        assertThat(Chart.render(Map.of("kafka.topic.create", false)).hasComponent("Job", "kafka-topic")).isFalse();
    }
}
