package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.Tick;
import dev.stockstream.store.CommitStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The job killed the hard way (the JVM halted, no shutdown hook runs) at each step of a commit where
 * a crash leaves the output in a different state, and restarted from its checkpoint each time:
 * every tick is counted once, every rejected record is quarantined once, and the batches read the
 * topic end to end without a gap or an overlap.
 */
@ExtendWith(KafkaHdfsSparkExtension.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CrashWindowTest {

    private static final long T0 = TestTopicWriter.T0;
    private static final int PARTITIONS = 2;
    private static final int RECORDS_PER_PARTITION = 3_000;
    /** Every 25th record is not a tick, so each batch's task rejects several and writes a quarantine part. */
    private static final int BAD_EVERY = 25;

    @Test
    void aJobKilledAtEachDangerousPointLosesAndDoublesNothingAfterItsRestart() throws Exception {
        String topic = "crash-windows";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, PARTITIONS);
        Map<String, Long> produced = new TreeMap<>();
        TreeSet<String> badRecords = new TreeSet<>();
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            for (int offset = 0; offset < RECORDS_PER_PARTITION; offset++) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    if (offset % BAD_EVERY == BAD_EVERY - 1) {
                        sender.sendRaw(partition, "BAD", "not a tick " + offset);
                        badRecords.add(partition + "/" + offset);
                    } else {
                        String symbol = "S" + (offset % 7);
                        sender.send(partition, new Tick(symbol, 10.0 + offset % 13, offset % 50, T0 + offset));
                        produced.merge(symbol, 1L, Long::sum);
                    }
                }
            }
            sender.flush();
        }
        JobSettings settings = KafkaHdfsSparkExtension.settings(topic, topic)
                .with(Map.of(JobSettings.STOCK_TRIGGER_INTERVAL, "0", JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER, "400",
                        JobSettings.STOCK_CANDLES_ENABLED, "false"));

        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            for (CommitStep step : CommitStep.BATCH_STEPS) {
                long next = output.latestPointer().orElse(-1) + 1;
                try (JobProcess job = JobProcess.start(CrashingJob.class, List.of("-Xmx1g"),
                        Map.of("CRASH_AT", step.name(), "CRASH_FROM_BATCH", Long.toString(next + 1)),
                        Path.of("target", "crash-" + step + ".log"), arguments(settings))) {
                    assertThat(job.awaitExit(180)).as("exit code of the job crashed at %s (log %s)", step, job.log())
                            .isEqualTo(CrashingJob.CRASH_EXIT_CODE);
                    assertThat(job.logText()).contains("crashing at " + step);
                }
            }

            StreamingQuery restarted = StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark());
            try {
                restarted.processAllAvailable();
            } finally {
                restarted.stop();
            }

            Map<String, Long> committed = new TreeMap<>();
            output.batches().values().forEach(rows -> rows.forEach(row -> committed.merge(row.symbol(), row.tickCount(), Long::sum)));
            assertThat(committed).isEqualTo(produced);
            List<QuarantineRecord> quarantined = output.allQuarantine();
            TreeSet<String> quarantinedCoordinates = new TreeSet<>();
            quarantined.forEach(record -> quarantinedCoordinates.add(record.partition() + "/" + record.offset()));
            assertThat(quarantined).as("quarantine records, none twice").hasSameSizeAs(badRecords);
            assertThat(quarantinedCoordinates).isEqualTo(badRecords);
            Map<Integer, Long> ends = new TreeMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                ends.put(partition, (long) RECORDS_PER_PARTITION);
            }
            output.assertExactlyOnce(ends);
            assertThat(output.batches().values().stream().mapToLong(List::size).sum()).isPositive();
            assertThat(output.batches().lastEntry().getValue()).extracting(BatchRow::batchId)
                    .containsOnly(output.batches().lastKey());
        }
    }

    private static String[] arguments(JobSettings settings) {
        return settings.values().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
    }
}
