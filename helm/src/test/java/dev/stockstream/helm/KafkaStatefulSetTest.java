package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/kafka/statefulset.yaml: the KRaft brokers, each also a controller. */
@Timeout(120)
class KafkaStatefulSetTest {

    @Test
    void shouldListEveryKafkaNodeAsAControllerVoter() {
        Map<String, String> env = Workloads.env(Workloads.container(Chart.render(Map.of("kafka.replicas", 3, "kafka.topic.replicationFactor", 3)), "kafka"));

        assertThat(env).containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS",
                "0@stock-streaming-kafka-0.stock-streaming-kafka:9093,1@stock-streaming-kafka-1.stock-streaming-kafka:9093,"
                        + "2@stock-streaming-kafka-2.stock-streaming-kafka:9093");
        assertThat(env).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3");
    }

    @Test
    void shouldRunTheBrokersKafkaReplicasAsks() {
        assertThat(Chart.render(Map.of("kafka.replicas", 3)).replicas("StatefulSet", "kafka")).isEqualTo(3);
    }

    @Test
    void shouldUseTheClusterDefaultStorageClassUnlessKafkaPersistenceStorageClassIsGiven() {
        assertThat(StatefulSetVolumes.storageClass(Map.of(), "kafka")).isNull();
        assertThat(StatefulSetVolumes.storageClass(Map.of("kafka.persistence.storageClass", "fast-ssd"), "kafka")).isEqualTo("fast-ssd");
    }
}
