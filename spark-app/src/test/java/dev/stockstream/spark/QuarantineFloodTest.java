package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import dev.stockstream.model.Tick;
import dev.stockstream.store.BatchReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A million bad records in one batch, with the job's JVM at 512 MB: the executors stream them into
 * the quarantine, each byte for byte (or capped, with its length), the driver holds none, and the
 * job goes on with the next batch.
 */
@ExtendWith(KafkaHdfsSparkExtension.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class QuarantineFloodTest {

    private static final int PARTITIONS = 2;
    private static final int PER_PARTITION = 500_000;
    private static final int HUGE_EVERY = 100_000;
    private static final int HUGE_BYTES = 1_000_000;
    private static final int KEPT_BYTES = 65_536;

    @Test
    void aMillionBadRecordsInOneBatchAreAllQuarantinedByteExactAndTheJobGoesOn() throws Exception {
        String topic = "flood";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, PARTITIONS);
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            for (int offset = 0; offset < PER_PARTITION; offset++) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    sender.send(partition, "BAD", badValue(partition, offset));
                }
            }
            sender.flush();
        }
        JobSettings settings = KafkaHdfsSparkExtension.settings(topic, topic);
        try (JobProcess job = JobProcess.start(StockStreamingJob.class, List.of("-Xmx512m"), Map.of(),
                Path.of("target", "flood-job.log"), "KAFKA_BOOTSTRAP_SERVERS=" + settings.bootstrapServers(),
                "STOCK_TOPIC=" + topic, "STOCK_OUTPUT_ROOT=" + settings.outputRoot(), "STOCK_TRIGGER_INTERVAL=0",
                "STOCK_QUARANTINE_MAX_VALUE_BYTES=" + KEPT_BYTES);
             OutputReader output = new OutputReader(settings.outputRoot());
             BatchReader reader = BatchReader.open(settings.outputRoot(), new Configuration())) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> output.latestPointer().isPresent() || !job.process().isAlive());
            assertThat(job.process().isAlive()).as("the job runs on; its log: %s", job.log()).isTrue();
            assertThat(output.latestPointer()).hasValue(0);

            AtomicLong checked = new AtomicLong();
            Set<RejectReason> reasons = EnumSet.noneOf(RejectReason.class);
            reader.readQuarantine(0, record -> {
                assertKeptExactly(record);
                reasons.add(record.reason());
                checked.incrementAndGet();
            });
            assertThat(checked).hasValue((long) PARTITIONS * PER_PARTITION);
            assertThat(reasons).contains(RejectReason.UNPARSEABLE_JSON, RejectReason.EMPTY_VALUE, RejectReason.MISSING_FIELD);
            assertThat(output.rows(0)).isEmpty();

            try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
                sender.send(0, new Tick("AAPL", 10.0, 5, System.currentTimeMillis()));
                sender.flush();
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> output.latestPointer().orElse(0) >= 1 && !output.rows(output.latestPointer().getAsLong()).isEmpty());
        }
    }

    private static void assertKeptExactly(QuarantineRecord record) {
        byte[] sent = badValue(record.partition(), (int) record.offset());
        byte[] expected = Arrays.copyOf(sent, Math.min(sent.length, KEPT_BYTES));
        if (!Arrays.equals(record.keptBytes(), expected) || record.rawLength() != sent.length
                || record.rawTruncated() != (sent.length > KEPT_BYTES)) {
            throw new AssertionError("quarantine record " + record.partition() + "/" + record.offset()
                    + " does not keep the value sent: " + record.toJsonLine().substring(0, 200));
        }
    }

    /** The bad value sent at {@code offset} of {@code partition}: garbage, nothing, not UTF-8, half a tick, or 1 MB. */
    private static byte[] badValue(int partition, int offset) {
        if (offset % HUGE_EVERY == HUGE_EVERY - 1) {
            byte[] huge = new byte[HUGE_BYTES];
            Arrays.fill(huge, (byte) ('a' + partition));
            return huge;
        }
        return switch (offset % 4) {
            case 0 -> ("not json " + partition + "/" + offset).getBytes(StandardCharsets.UTF_8);
            case 1 -> new byte[0];
            case 2 -> new byte[] {'{', (byte) 0xC3, (byte) 0x28, (byte) (offset & 0x7F), (byte) 0xFF, (byte) partition};
            default -> ("{\"symbol\":\"AAPL\",\"price\":" + offset + "}").getBytes(StandardCharsets.UTF_8);
        };
    }
}
