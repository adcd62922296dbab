package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.Tick;
import dev.stockstream.store.OutputConflictException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What operators do to a running job's storage, and the recovery the README documents for each. */
@ExtendWith(KafkaHdfsSparkExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OperatorRecoveryTest {

    private static final long T0 = TestTopicWriter.T0;
    private static final int PARTITIONS = 2;

    @Test
    void aDeletedCheckpointIsRefusedThenResumedFromTheOffsetsTheLastBatchRecorded() throws Exception {
        String topic = "lost-checkpoint";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, PARTITIONS);
        JobSettings settings = smallBatches(topic);
        Map<String, Long> produced = new TreeMap<>();
        produce(topic, 0, 1_000, produced);
        runUntilCaughtUp(settings);
        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            long lastBefore = output.latestPointer().orElseThrow();
            output.delete(OutputLayout.CHECKPOINTS_DIR);
            produce(topic, 1_000, 600, produced);

            assertThatThrownBy(() -> StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark()))
                    .isInstanceOf(OutputConflictException.class)
                    .hasMessageContaining("holds batches up to " + lastBefore)
                    .hasMessageContaining("STOCK_RESUME_FROM_OUTPUT=true")
                    .hasMessageNotContaining("\n");

            runUntilCaughtUp(settings.with(Map.of(JobSettings.STOCK_RESUME_FROM_OUTPUT, "true")));

            assertThat(output.batches()).containsKey(lastBefore + 1);
            assertThat(committedTicks(output)).isEqualTo(produced);
            output.assertExactlyOnce(Map.of(0, 1_600L, 1, 1_600L));
        }
    }

    @Test
    void aCheckpointReplacedByAnotherQueryStopsAtTheFirstBatchItWouldOverwrite() throws Exception {
        String topic = "foreign-checkpoint";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, PARTITIONS);
        JobSettings settings = smallBatches(topic);
        produce(topic, 0, 400, new TreeMap<>());
        runUntilCaughtUp(settings);
        JobSettings other = settings.withOutputRoot(KafkaHdfsSparkExtension.outputRoot("foreign-checkpoint-other"));
        runUntilCaughtUp(other);
        try (OutputReader output = new OutputReader(settings.outputRoot());
             OutputReader otherOutput = new OutputReader(other.outputRoot())) {
            output.delete(OutputLayout.CHECKPOINTS_DIR);
            otherOutput.copyTo(OutputLayout.CHECKPOINTS_DIR, settings.outputRoot() + "/" + OutputLayout.CHECKPOINTS_DIR);
            output.delete(OutputLayout.CHECKPOINTS_DIR + "/commits/" + otherOutput.latestPointer().orElseThrow());

            StreamingQuery query = StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark());
            try {
                assertThatThrownBy(() -> query.awaitTermination(60_000))
                        .satisfies(failure -> assertThat(StockStreamingJob.conflictIn(failure)).isNotNull()
                                .hasMessageContaining("the checkpoint and the output root disagree")
                                .hasMessageNotContaining("\n"));
            } finally {
                query.stop();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "99999999", "12345678901234567890123"})
    void aPointerThatNamesNoBatchIsRepairedWhenTheJobStarts(String pointer) throws Exception {
        String topic = "pointer-" + Math.abs(pointer.hashCode());
        KafkaHdfsSparkExtension.kafka().createTopic(topic, PARTITIONS);
        JobSettings settings = smallBatches(topic);
        produce(topic, 0, 400, new TreeMap<>());
        runUntilCaughtUp(settings);
        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            long last = output.batches().lastKey();
            output.write(OutputLayout.LATEST_POINTER, pointer);

            runUntilCaughtUp(settings);
            assertThat(output.latestPointer()).hasValue(last);

            produce(topic, 400, 200, new TreeMap<>());
            runUntilCaughtUp(settings);
            assertThat(output.latestPointer()).hasValue(output.batches().lastKey()).isNotEqualTo(last);
        }
    }

    private static JobSettings smallBatches(String topic) {
        return KafkaHdfsSparkExtension.settings(topic, topic)
                .with(Map.of(JobSettings.STOCK_TRIGGER_INTERVAL, "0", JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER, "150"));
    }

    private static void runUntilCaughtUp(JobSettings settings) throws Exception {
        StreamingQuery query = StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark());
        try {
            query.processAllAvailable();
        } finally {
            query.stop();
        }
    }

    /** {@code perPartition} ticks to each partition, the first at offset {@code from}. */
    private static void produce(String topic, int from, int perPartition, Map<String, Long> produced) {
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            for (int n = from; n < from + perPartition; n++) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    String symbol = "S" + (n % 5);
                    sender.send(partition, new Tick(symbol, 20.0 + n % 9, n % 30, T0 + n));
                    produced.merge(symbol, 1L, Long::sum);
                }
            }
            sender.flush();
        }
    }

    private static Map<String, Long> committedTicks(OutputReader output) {
        Map<String, Long> committed = new TreeMap<>();
        output.batches().values().forEach(rows -> rows.forEach(row -> committed.merge(row.symbol(), row.tickCount(), Long::sum)));
        return committed;
    }
}
