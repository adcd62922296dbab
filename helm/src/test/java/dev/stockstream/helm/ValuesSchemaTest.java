package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad values are rejected before anything is applied, with a message naming the value. */
@Timeout(120)
class ValuesSchemaTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(Map.of("spark.executor.instances", 0), "spark.executor.instances", "greater than or equal to 1"),
                Arguments.of(Map.of("spark.executor.instances", "many"), "spark.executor.instances", "integer"),
                Arguments.of(Map.of("producer.rate", -5), "producer.rate", "greater than or equal to 1"),
                Arguments.of(Map.of("producer.source", "kafka"), "producer.source", "must be one of"),
                Arguments.of(Map.of("producer.symbols", "aapl,msft"), "producer.symbols", "pattern"),
                Arguments.of(Map.of("stock.topic", "bad topic"), "stock.topic", "pattern"),
                Arguments.of(Map.of("stock.triggerInterval", "soon"), "stock.triggerInterval", "pattern"),
                Arguments.of(Map.of("stock.triggerInterval", "2 minutes"), "stock.triggerInterval", "pattern"),
                Arguments.of(Map.of("stock.startingOffsets", "beginning"), "stock.startingOffsets", "pattern"),
                Arguments.of(Map.of("stock.directKafkaScan", "sometimes"), "stock.directKafkaScan", "boolean"),
                Arguments.of(Map.of("stock.failOnDataLoss", "maybe"), "stock.failOnDataLoss", "boolean"),
                Arguments.of(Map.of("stock.resumeFromOutput", "yes please"), "stock.resumeFromOutput", "boolean"),
                Arguments.of(Map.of("stock.maxEventAhead", "0s"), "stock.maxEventAhead", "pattern"),
                Arguments.of(Map.of("stock.maxEventAhead", "a minute"), "stock.maxEventAhead", "pattern"),
                Arguments.of(Map.of("stock.maxEventBehind", "0min"), "stock.maxEventBehind", "pattern"),
                Arguments.of(Map.of("stock.maxEventBehind", "-1h"), "stock.maxEventBehind", "pattern"),
                Arguments.of(Map.of("stock.quarantineMaxValueBytes", 0), "stock.quarantineMaxValueBytes", "greater than or equal to 1"),
                Arguments.of(Map.of("stock.quarantineMaxValueBytes", 16777217), "stock.quarantineMaxValueBytes",
                        "less than or equal to"),
                Arguments.of(Map.of("stock.batchRetention", "0h"), "stock.batchRetention", "pattern"),
                Arguments.of(Map.of("stock.batchRetention", "a day"), "stock.batchRetention", "pattern"),
                Arguments.of(Map.of("stock.batchRetention", "5m"), "stock.batchRetention",
                        "must be at least 1m and 100 times stock.triggerInterval"),
                Arguments.of(Map.of("stock.candlesEnabled", "on"), "stock.candlesEnabled", "boolean"),
                Arguments.of(Map.of("stock.candleInterval", "500ms"), "stock.candleInterval", "pattern"),
                Arguments.of(Map.of("stock.candleInterval", "0m"), "stock.candleInterval", "pattern"),
                Arguments.of(Map.of("stock.candleLateness", "-5s"), "stock.candleLateness", "pattern"),
                Arguments.of(Map.of("stock.candleTriggerInterval", "fast"), "stock.candleTriggerInterval", "pattern"),
                Arguments.of(Map.of("stock.candlePartitions", 0), "stock.candlePartitions", "greater than or equal to 1"),
                Arguments.of(Map.of("stock.candlePartitions", 513), "stock.candlePartitions", "less than or equal to"),
                Arguments.of(Map.of("history.schedule", "hourly"), "history.schedule", "pattern"),
                Arguments.of(Map.of("history.schedule", "17 * * *"), "history.schedule", "pattern"),
                Arguments.of(Map.of("history.schedule", "@every 1 hour"), "history.schedule", "pattern"),
                Arguments.of(Map.of("history.executor.instances", 0), "history.executor.instances", "greater than or equal to 1"),
                Arguments.of(Map.of("kafka.topic.partitions", 0), "kafka.topic.partitions", "greater than or equal to 1"),
                Arguments.of(Map.of("kafka.external.bootstrapServers", "no-port"), "kafka.external.bootstrapServers", "pattern"),
                Arguments.of(Map.of("hdfs.external.uri", "namenode:8020"), "hdfs.external.uri", "pattern"),
                Arguments.of(Map.of("spark.restartPolicy.type", "Never"), "spark.restartPolicy.type", "must be one of"),
                Arguments.of(Map.of("spark.executor.memory", "lots"), "spark.executor.memory", "pattern"),
                Arguments.of(Map.of("kafka.persistence.size", "big"), "kafka.persistence.size", "pattern"),
                Arguments.of(Map.of("visualizer.service.port", 70000), "visualizer.service.port", "less than or equal to 65535"),
                Arguments.of(Map.of("spark.excutor.instances", 5), "spark", "excutor"),
                Arguments.of(Map.of("kafka.enabled", false), "kafka.external.bootstrapServers", "required when kafka.enabled is false"),
                Arguments.of(Map.of("hdfs.enabled", false), "hdfs.external.uri", "required when hdfs.enabled is false"),
                Arguments.of(Map.of("spark.dynamicAllocation.enabled", true, "spark.dynamicAllocation.minExecutors", 6),
                        "spark.dynamicAllocation.minExecutors", "must not be greater than spark.dynamicAllocation.maxExecutors"),
                Arguments.of(Map.of("kafka.topic.replicationFactor", 3), "kafka.topic.replicationFactor", "must not be greater than kafka.replicas"),
                Arguments.of(Map.of("kafka.topic.minInsyncReplicas", 2), "kafka.topic.minInsyncReplicas",
                        "must not be greater than kafka.topic.replicationFactor"),
                Arguments.of(Map.of("kafka.topic.minInsyncReplicas", 0), "kafka.topic.minInsyncReplicas", "greater than or equal to 1"),
                Arguments.of(Map.of("hdfs.replication", 2), "hdfs.replication", "must not be greater than hdfs.datanode.replicas"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void shouldRejectBadValuesWithAMessageNamingTheValue(Map<String, ?> sets, String named, String problem) {
        assertThatThrownBy(() -> Chart.renderText(sets))
                .hasMessageContaining(named)
                .hasMessageContaining(problem);
    }
}
