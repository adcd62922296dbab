package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import dev.stockstream.model.Tick;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job end to end: real Kafka in, real HDFS out, Spark local[2]. */
@ExtendWith(KafkaHdfsSparkExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StockStreamingJobTest {

    private static final long T0 = TestTopicWriter.T0;
    private static final List<String> SYMBOLS = List.of("AAPL", "AMZN", "GOOG", "IBM", "MSFT", "BRK.B");

    @ParameterizedTest(name = "direct Kafka scan {0}")
    @ValueSource(booleans = {true, false})
    void knownTicksBecomeExactPerSymbolAggregatesForEachMicroBatch(boolean directKafkaScan) throws Exception {
        String topic = "known-ticks-" + (directKafkaScan ? "direct" : "planned");
        KafkaHdfsSparkExtension.kafka().createTopic(topic, 2);
        JobSettings settings = KafkaHdfsSparkExtension.settings(topic, topic).withDirectKafkaScan(directKafkaScan);
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            sender.send(0, new Tick("AAPL", 10.0, 1, T0));
            sender.send(1, new Tick("AAPL", 20.0, 2, T0 + 5));
            sender.send(0, new Tick("AAPL", 30.0, 0, T0 + 2));
            sender.send(1, new Tick("IBM", 100.5, 0, T0 + 1));
            sender.send(1, new Tick("IBM", 99.5, 0, T0 + 3));
            sender.flush();
            StreamingQuery query = StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark());
            try {
                query.processAllAvailable();
                sender.send(0, new Tick("MSFT", 400.0, 10, T0 + 100));
                sender.send(1, new Tick("MSFT", 410.0, 30, T0 + 90));
                sender.flush();
                query.processAllAvailable();
                assertThat(DirectKafkaScan.kafkaScan(query, 1))
                        .as("the batch's plan is recognised as the bare Kafka scan, read without a row copy")
                        .isPresent();
            } finally {
                query.stop();
            }
        }
        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            assertThat(output.batches()).containsOnlyKeys(0L, 1L);
            assertThat(output.rows(0)).containsExactly(
                    new BatchRow(0, T0 + 5, "AAPL", 20.0, 10.0, 30.0, 50.0 / 3, 3, 3),
                    new BatchRow(0, T0 + 5, "IBM", 100.0, 99.5, 100.5, 100.0, 2, 0));
            assertThat(output.rows(1)).containsExactly(
                    new BatchRow(1, T0 + 100, "MSFT", 405.0, 400.0, 410.0, 407.5, 2, 40));
            assertThat(output.latestPointer()).hasValue(1);
            assertThat(output.names(OutputLayout.QUARANTINE_DIR)).isEmpty();
        }
    }

    @Test
    void malformedRecordsAreQuarantinedWithTheirReasonWhileTheGoodTicksAroundThemCount() throws Exception {
        String topic = "malformed";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, 1);
        JobSettings settings = KafkaHdfsSparkExtension.settings(topic, "malformed");
        Map<String, RejectReason> corpus = new LinkedHashMap<>();
        corpus.put("", RejectReason.EMPTY_VALUE);
        corpus.put("{\"symbol\":\"AAPL\",\"price\":1", RejectReason.UNPARSEABLE_JSON);
        corpus.put("not json at all", RejectReason.UNPARSEABLE_JSON);
        corpus.put("[1,2,3]", RejectReason.NOT_AN_OBJECT);
        corpus.put("{\"symbol\":\"AAPL\",\"symbol\":\"IBM\",\"price\":1.0,\"volume\":1,\"ts\":" + T0 + "}",
                RejectReason.DUPLICATE_FIELD);
        corpus.put("{\"symbol\":\"AAPL\",\"price\":1.0,\"volume\":1}", RejectReason.MISSING_FIELD);
        corpus.put("{\"symbol\":\"AAPL\",\"price\":\"cheap\",\"volume\":1,\"ts\":" + T0 + "}", RejectReason.WRONG_TYPE);
        corpus.put("{\"symbol\":\"aapl\",\"price\":1.0,\"volume\":1,\"ts\":" + T0 + "}", RejectReason.BAD_SYMBOL);
        corpus.put("{\"symbol\":\"AAPL\",\"price\":-3.5,\"volume\":1,\"ts\":" + T0 + "}", RejectReason.BAD_PRICE);
        corpus.put("{\"symbol\":\"AAPL\",\"price\":3.5,\"volume\":-1,\"ts\":" + T0 + "}", RejectReason.BAD_VOLUME);
        corpus.put("{\"symbol\":\"AAPL\",\"price\":3.5,\"volume\":1,\"ts\":1732406400}",
                RejectReason.IMPLAUSIBLE_TIMESTAMP);
        corpus.put("{\"symbol\":\"AAPL\",\"price\":2e9,\"volume\":1,\"ts\":" + T0 + "}", RejectReason.BAD_PRICE);
        corpus.put("{\"symbol\":\"AAPL\",\"price\":3.5,\"volume\":1,\"ts\":" + (TestTopicWriter.RAW_TIMESTAMP + 3_600_000) + "}",
                RejectReason.EVENT_TIME_AHEAD);

        Map<Long, RejectReason> expectedReasons = new TreeMap<>();
        Map<Long, String> expectedRaw = new HashMap<>();
        Map<Long, byte[]> expectedBytes = new HashMap<>();
        long offset = 0;
        int goodTicks = 0;
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            for (Map.Entry<String, RejectReason> bad : corpus.entrySet()) {
                sender.send(0, new Tick("AAPL", 100.0 + goodTicks, 10, T0 + goodTicks));
                offset++;
                goodTicks++;
                sender.sendRaw(0, "AAPL", bad.getKey());
                expectedReasons.put(offset, bad.getValue());
                expectedRaw.put(offset, bad.getKey());
                offset++;
            }
            sender.sendRaw(0, null, null);
            expectedReasons.put(offset++, RejectReason.EMPTY_VALUE);
            byte[] notUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
            sender.send(0, "AAPL", notUtf8);
            expectedBytes.put(offset, notUtf8);
            expectedReasons.put(offset++, RejectReason.UNPARSEABLE_JSON);
            sender.send(0, new Tick("AAPL", 100.0 + goodTicks, 10, T0 + goodTicks));
            goodTicks++;
            sender.flush();
        }

        StreamingQuery query = StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark());
        try {
            query.processAllAvailable();
        } finally {
            query.stop();
        }

        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            TreeMap<Long, List<BatchRow>> batches = output.batches();
            assertThat(batches).isNotEmpty();
            assertThat(batches.values().stream().flatMap(List::stream).mapToLong(BatchRow::tickCount).sum())
                    .isEqualTo(goodTicks);
            List<QuarantineRecord> quarantined = output.allQuarantine();
            Map<Long, RejectReason> reasons = new TreeMap<>();
            for (QuarantineRecord record : quarantined) {
                reasons.put(record.offset(), record.reason());
                assertThat(record.topic()).isEqualTo(topic);
                assertThat(record.partition()).isZero();
                assertThat(batches).containsKey(record.batchId());
                assertThat(record.detail()).isNotBlank();
                if (expectedRaw.containsKey(record.offset())) {
                    assertThat(record.rawValue()).isEqualTo(expectedRaw.get(record.offset()));
                }
                if (expectedBytes.containsKey(record.offset())) {
                    assertThat(record.rawValue()).as("not UTF-8, so kept in base64").isNull();
                    assertThat(record.keptBytes()).isEqualTo(expectedBytes.get(record.offset()));
                }
            }
            assertThat(quarantined).hasSameSizeAs(expectedReasons.keySet());
            assertThat(reasons).isEqualTo(expectedReasons);
        }
    }

    @Test
    void theCheckpointKeepsABoundedNumberOfFilesHoweverManyBatchesRun() throws Exception {
        String topic = "checkpoint-bound";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, 1);
        JobSettings settings = withBatches(KafkaHdfsSparkExtension.settings(topic, "checkpoint-bound"), 100);
        produce(topic, 1, 23_000, Duration.ZERO, new HashMap<>());
        StreamingQuery query = StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark());
        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            await().atMost(Duration.ofMinutes(2)).until(() -> output.latestPointer().orElse(-1) >= 130 || !query.isActive());
            long atHalf = output.objects(OutputLayout.CHECKPOINTS_DIR);
            query.processAllAvailable();
            long atEnd = output.objects(OutputLayout.CHECKPOINTS_DIR);

            assertThat(output.latestPointer().orElse(-1)).isGreaterThanOrEqualTo(220);
            assertThat(atEnd).as("checkpoint objects after 130 batches: %d; after 230", atHalf).isLessThanOrEqualTo(atHalf + 10);
        } finally {
            query.stop();
        }
    }

    @Test
    void aConcurrentReaderNeverSeesAHalfWrittenBatchDirectory() throws Exception {
        String topic = "concurrent-reader";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, 2);
        JobSettings settings = withBatches(KafkaHdfsSparkExtension.settings(topic, "concurrent-reader"), 500);
        produce(topic, 10, 2_000, Duration.ZERO, new HashMap<>());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger verified = new AtomicInteger();
        Thread reader = new Thread(() -> readContinuously(settings, reading, failure, verified), "reader");
        reader.start();
        StreamingQuery query = StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark());
        try {
            query.processAllAvailable();
        } finally {
            query.stop();
            reading.set(false);
            reader.join();
        }
        assertThat(failure.get()).isNull();
        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            assertThat(output.batches()).hasSize(40);
        }
        assertThat(verified.get()).as("batch directories the reader checked while they appeared").isGreaterThan(10);
    }

    @Test
    void aGracefulStopLetsTheBatchInHandFinishAndRecordsItInTheCheckpoint() throws Exception {
        String topic = "graceful-stop";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, 2);
        JobSettings settings = withBatches(KafkaHdfsSparkExtension.settings(topic, "graceful-stop"), 1_000);
        produce(topic, 10, 2_000, Duration.ZERO, new HashMap<>());
        StreamingQuery query = StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark());
        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> output.latestPointer().orElse(-1) >= 2);
            long lastCommitted = GracefulShutdown.stopAfterBatchInHand(query, Duration.ofSeconds(60));

            assertThat(query.isActive()).isFalse();
            assertStoppedWithoutFailure(query);
            assertThat(lastCommitted).isGreaterThanOrEqualTo(2);
            assertThat(output.latestPointer()).hasValue(lastCommitted);
            assertThat(output.exists(OutputLayout.CHECKPOINTS_DIR + "/commits/" + lastCommitted)).isTrue();
            assertThat(output.exists(OutputLayout.CHECKPOINTS_DIR + "/commits/" + (lastCommitted + 1))).isFalse();
        }
    }

    @Test
    void aSigtermToTheSubmittedJobStopsItAfterTheBatchInHand() throws Exception {
        String topic = "sigterm";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, 2);
        produce(topic, 10, 2_000, Duration.ZERO, new HashMap<>());
        java.net.URI root = KafkaHdfsSparkExtension.outputRoot("sigterm");
        JobProcess submitted = JobProcess.start(StockStreamingJob.class, List.of(), Map.of(), Path.of("target", "sigterm-job.log"),
                "KAFKA_BOOTSTRAP_SERVERS=" + KafkaHdfsSparkExtension.kafka().bootstrapServers(), "STOCK_TOPIC=" + topic,
                "STOCK_OUTPUT_ROOT=" + root, "STOCK_TRIGGER_INTERVAL=0s", "STOCK_MAX_OFFSETS_PER_TRIGGER=500");
        Process job = submitted.process();
        Path log = submitted.log();
        try (OutputReader output = new OutputReader(root)) {
            await().atMost(Duration.ofSeconds(150))
                    .until(() -> output.latestPointer().orElse(-1) >= 2 || !job.isAlive());
            assertThat(job.isAlive()).as("the job runs until told to stop; its log: %s", log).isTrue();

            job.destroy();

            assertThat(job.waitFor(90, TimeUnit.SECONDS)).as("the job exits after SIGTERM").isTrue();
            Matcher stopped = Pattern.compile("stopping query stock-ticks after batch (\\d+)").matcher(Files.readString(log));
            assertThat(stopped.find()).as("the shutdown hook's log line in %s", log).isTrue();
            long lastCommitted = Long.parseLong(stopped.group(1));
            assertThat(lastCommitted).isGreaterThanOrEqualTo(2);
            assertThat(output.latestPointer()).hasValue(lastCommitted);
            assertThat(output.exists(OutputLayout.CHECKPOINTS_DIR + "/commits/" + lastCommitted)).isTrue();
            assertThat(output.exists(OutputLayout.CHECKPOINTS_DIR + "/commits/" + (lastCommitted + 1))).isFalse();
        } finally {
            submitted.close();
        }
    }

    private static void assertStoppedWithoutFailure(StreamingQuery query) {
        assertThat(query.isActive()).isFalse();
        if (query.exception().isDefined()) {
            throw new AssertionError("the query failed instead of stopping", query.exception().get());
        }
    }

    private static JobSettings withBatches(JobSettings settings, long maxOffsetsPerTrigger) {
        return settings.with(Map.of(JobSettings.STOCK_TRIGGER_INTERVAL, "0",
                JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER, Long.toString(maxOffsetsPerTrigger)));
    }

    /** Sends rounds of ticks spread over all partitions and symbols, counting what was sent per symbol. */
    private static void produce(String topic, int rounds, int perRound, Duration pause, Map<String, Long> produced) {
        int partitions = 0;
        try (var admin = KafkaHdfsSparkExtension.kafka().admin()) {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, Long> counts = new TreeMap<>();
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            long n = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < perRound; i++, n++) {
                    String symbol = SYMBOLS.get((int) (n % SYMBOLS.size()));
                    sender.send((int) (n % partitions), new Tick(symbol, 50.0 + (n % 97), n % 500, T0 + n));
                    counts.merge(symbol, 1L, Long::sum);
                }
                sender.flush();
                Thread.sleep(pause.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (produced) {
            produced.putAll(counts);
        }
    }

    /**
     * Polls the output like the dashboard would: every batch directory that becomes visible must
     * be complete, and the pointer must name a complete batch and never go back.
     */
    private static void readContinuously(JobSettings settings, AtomicBoolean reading, AtomicReference<Throwable> failure,
                                         AtomicInteger verified) {
        List<Long> seen = new ArrayList<>();
        long lastPointer = -1;
        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            while (reading.get()) {
                OptionalLong pointer = output.latestPointer();
                if (pointer.isPresent()) {
                    assertThat(pointer.getAsLong()).as("pointer moves forward").isGreaterThanOrEqualTo(lastPointer);
                    lastPointer = pointer.getAsLong();
                    output.rows(lastPointer);
                }
                for (String name : output.names(OutputLayout.BATCHES_DIR)) {
                    OptionalLong id = OutputLayout.parseBatchDirName(name);
                    if (id.isPresent() && !seen.contains(id.getAsLong())) {
                        output.rows(id.getAsLong());
                        seen.add(id.getAsLong());
                        verified.incrementAndGet();
                    }
                }
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }
}
