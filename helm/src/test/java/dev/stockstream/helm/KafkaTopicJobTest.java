package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/kafka/topic-job.yaml: the hook Job that creates the ticks topic. */
@Timeout(120)
class KafkaTopicJobTest {

    @Test
    void shouldNotCreateTheTopicJobIfKafkaTopicCreateIsFalse() {
        assertThat(Chart.render(Map.of("kafka.topic.create", false)).hasComponent("Job", "kafka-topic")).isFalse();
    }
}
