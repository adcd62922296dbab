package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockstream.model.Candle;
import dev.stockstream.model.CandleProgress;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.Tick;
import dev.stockstream.store.CandleReader;
import dev.stockstream.store.CommitStep;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The candle query end to end: real Kafka in, real HDFS out, Spark local[2] with its RocksDB state store. */
@ExtendWith(KafkaHdfsSparkExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CandleQueryTest {

    /** A minute start well behind now, so every window here is in the past of the broker's clock. */
    private static final long B = TestTopicWriter.T0 - 30 * 60_000;
    private static final long S = 1000;

    @Test
    void outOfOrderTicksAcrossPartitionsAndBatchesMakeTheCandlesComputedByHandAndLateTicksAreCountedNotAdded() throws Exception {
        String topic = "candles-known";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, 2);
        JobSettings settings = candleSettings(topic, topic);
        StreamingQuery query = StockStreamingJob.startCandles(settings, KafkaHdfsSparkExtension.spark());
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            // The open: two ticks at the same millisecond, partition 0 wins. The close: the same at B+50s, partition 1 wins.
            sender.send(0, new Tick("AAPL", 10.0, 1, B + 10 * S));
            sender.send(1, new Tick("AAPL", 11.0, 2, B + 10 * S));
            sender.send(1, new Tick("AAPL", 9.0, 3, B + 30 * S));
            sender.send(0, new Tick("AAPL", 12.0, 4, B + 50 * S));
            sender.send(1, new Tick("AAPL", 13.0, 5, B + 50 * S));
            sender.send(0, new Tick("IBM", 100.0, 0, B + 5 * S));
            sender.send(1, new Tick("AAPL", 20.0, 1, B + 70 * S));
            sender.flush();
            query.processAllAvailable();
            // Out of order but within the lateness: the watermark is B+40s, the first window ends at B+60s.
            sender.send(0, new Tick("AAPL", 14.0, 6, B + 45 * S));
            sender.send(1, new Tick("MSFT", 50.0, 7, B + 95 * S));
            sender.flush();
            query.processAllAvailable();
            awaitWatermark(settings.outputRoot(), B + 65 * S);
            assertThat(candles(settings.outputRoot())).extracting(Candle::windowStart).containsOnly(B);

            // Beyond the lateness: the first window has closed and been written.
            sender.send(0, new Tick("AAPL", 99.0, 1, B + 20 * S));
            sender.send(1, new Tick("AAPL", 98.0, 1, B + 59 * S));
            sender.send(0, new Tick("AAPL", 21.0, 1, B + 75 * S));
            sender.flush();
            query.processAllAvailable();
            sender.send(0, new Tick("IBM", 101.0, 1, B + 160 * S));
            sender.flush();
            query.processAllAvailable();
            awaitWatermark(settings.outputRoot(), B + 130 * S);
        } finally {
            query.stop();
        }

        assertThat(candles(settings.outputRoot())).containsExactly(
                candle("AAPL", B, 10.0, 14.0, 9.0, 13.0, 6, 21, 256.0 / 21),
                candle("IBM", B, 100.0, 100.0, 100.0, 100.0, 1, 0, 100.0),
                candle("AAPL", B + 60 * S, 20.0, 21.0, 20.0, 21.0, 2, 2, 20.5),
                candle("MSFT", B + 60 * S, 50.0, 50.0, 50.0, 50.0, 1, 7, 50.0));
        CandleProgress progress = progress(settings.outputRoot()).orElseThrow();
        assertThat(progress.lateTicksTotal()).as("the two ticks that came after their window closed").isEqualTo(2);
        assertThat(progress.watermarkMs()).isEqualTo(B + 130 * S);
    }

    @Test
    void aJobKilledInTheMiddleOfCandleCommitsWritesEachCandleOnceAfterItsRestartAsIfNeverKilled() throws Exception {
        String topic = "candles-restarts";
        int partitions = 2;
        KafkaHdfsSparkExtension.kafka().createTopic(topic, partitions);
        JobSettings settings = candleSettings(topic, topic).with(Map.of(JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER, "150",
                JobSettings.STOCK_TRIGGER_INTERVAL, "0"));
        List<Sent> sent = new ArrayList<>();
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            long[] offsets = new long[partitions];
            for (int i = 0; i < 3_000; i++) {
                int partition = i % partitions;
                // Two seconds of event time per 20 ticks, partitions a few seconds apart: out of order, never late.
                long ts = B + (i / 20) * 2 * S + (partition == 0 ? 0 : 3 * S) + i % 7;
                Tick tick = new Tick("S" + i % 3, 10.0 + (i * 7) % 11, i % 5, ts);
                sender.send(partition, tick);
                sent.add(new Sent(tick, partition, offsets[partition]++));
            }
            sender.flush();
        }
        long lastEventTime = sent.stream().mapToLong(s -> s.tick.ts()).max().orElseThrow();
        long closedBefore = (lastEventTime - settings.candleLateness().toMillis()) / 60_000 * 60_000;
        for (CommitStep step : List.of(CommitStep.CANDLE_PARTS_RENAMED, CommitStep.CANDLE_POINTER_MOVED)) {
            long next = progress(settings.outputRoot()).map(CandleProgress::batchId).orElse(-1L) + 1;
            // Halted as kill -9 would, with windows open in the state store, in the middle of a candle commit.
            try (JobProcess job = JobProcess.start(CrashingJob.class, List.of("-Xmx1g"),
                    Map.of("CRASH_AT", step.name(), "CRASH_FROM_BATCH", Long.toString(next + 1)),
                    Path.of("target", "candle-crash-" + step + ".log"), arguments(settings))) {
                assertThat(job.awaitExit(180)).as("exit code of the job crashed at %s (log %s)", step, job.log())
                        .isEqualTo(CrashingJob.CRASH_EXIT_CODE);
                assertThat(job.logText()).contains("crashing at " + step);
            }
        }
        StreamingQuery last = StockStreamingJob.startCandles(settings, KafkaHdfsSparkExtension.spark());
        try {
            await().atMost(Duration.ofMinutes(2)).until(() ->
                    progress(settings.outputRoot()).map(CandleProgress::watermarkMs).orElse(0L)
                            >= lastEventTime - settings.candleLateness().toMillis());
        } finally {
            last.stop();
        }

        List<Candle> expected = byHand(sent, closedBefore);
        assertThat(expected).as("5 minutes of ticks: 4 closed minutes of 3 symbols").hasSize(12);
        assertThat(candles(settings.outputRoot())).as("every closed window once, as computed by hand").isEqualTo(expected);
        assertThat(progress(settings.outputRoot()).orElseThrow().lateTicksTotal()).isZero();
    }

    @Test
    void aCandleOutputWithoutItsCheckpointStopsTheStartWithOneLineSayingWhatToDo() throws Exception {
        String topic = "candles-lost-checkpoint";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, 1);
        JobSettings settings = candleSettings(topic, topic);
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            sender.send(0, new Tick("AAPL", 10.0, 1, B));
            sender.flush();
        }
        StreamingQuery query = StockStreamingJob.startCandles(settings, KafkaHdfsSparkExtension.spark());
        try {
            query.processAllAvailable();
            await().atMost(Duration.ofMinutes(1)).until(() -> progress(settings.outputRoot()).isPresent());
        } finally {
            query.stop();
        }
        try (FileSystem fs = FileSystem.newInstance(settings.outputRoot(), KafkaHdfsSparkExtension.spark().sparkContext().hadoopConfiguration())) {
            fs.delete(new org.apache.hadoop.fs.Path(settings.resolve(OutputLayout.CANDLE_CHECKPOINTS_DIR)), true);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StockStreamingJob.startCandles(settings, KafkaHdfsSparkExtension.spark()))
                .isInstanceOf(dev.stockstream.store.OutputConflictException.class)
                .hasMessageContaining("the candle checkpoint")
                .hasMessageContaining("move " + settings.resolve(OutputLayout.CANDLES_DIR) + " away");
    }

    @Test
    void theCompactionMergesEachCandleDayTheWatermarkPassedIntoOnePartAndTheCandlesStayTheSame() throws Exception {
        String topic = "candles-days";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, 2);
        JobSettings settings = candleSettings(topic, topic).with(Map.of(JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER, "20",
                JobSettings.STOCK_TRIGGER_INTERVAL, "0"));
        long midnight = TestTopicWriter.T0 / 86_400_000 * 86_400_000;
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            for (long ts = midnight - 170 * S; ts <= midnight + 200 * S; ts += 5 * S) {
                sender.send((int) (ts / S % 2), new Tick("AAPL", 100.0 + ts / S % 9, 1, ts));
            }
            sender.flush();
        }
        StreamingQuery query = StockStreamingJob.startCandles(settings, KafkaHdfsSparkExtension.spark());
        try {
            awaitWatermark(settings.outputRoot(), midnight + 170 * S);
        } finally {
            query.stop();
        }
        List<Candle> before = candles(settings.outputRoot());
        java.time.LocalDate yesterday = java.time.LocalDate.ofEpochDay(midnight / 86_400_000 - 1);
        assertThat(partNames(settings, yesterday)).as("one part per candle batch that closed a window").hasSizeGreaterThan(1);
        List<String> today = partNames(settings, yesterday.plusDays(1));

        new HistoryCompaction(KafkaHdfsSparkExtension.spark(), settings, java.time.Clock.systemUTC()).run();

        assertThat(partNames(settings, yesterday)).hasSize(1);
        assertThat(partNames(settings, yesterday.plusDays(1))).as("the day the watermark is in stays as written")
                .containsExactlyInAnyOrderElementsOf(today);
        assertThat(candles(settings.outputRoot())).isEqualTo(before);
        assertThat(before).extracting(Candle::windowStart).contains(midnight - 180 * S, midnight - 60 * S, midnight + 60 * S);
    }

    private static List<String> partNames(JobSettings settings, java.time.LocalDate day) throws IOException {
        try (FileSystem fs = FileSystem.newInstance(settings.outputRoot(), KafkaHdfsSparkExtension.spark().sparkContext().hadoopConfiguration())) {
            List<String> names = new ArrayList<>();
            for (var status : fs.listStatus(new org.apache.hadoop.fs.Path(settings.resolve(OutputLayout.candleDayDir(day))))) {
                if (status.getPath().getName().endsWith(".parquet")) {
                    names.add(status.getPath().getName());
                }
            }
            return names;
        }
    }

    private static String[] arguments(JobSettings settings) {
        return settings.values().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
    }

    private record Sent(Tick tick, int partition, long offset) {
    }

    /** The candles of every window that ended before {@code closedBefore}, by the rules, from the ticks sent. */
    private static List<Candle> byHand(List<Sent> sent, long closedBefore) {
        Map<String, List<Sent>> groups = new TreeMap<>();
        for (Sent s : sent) {
            long start = s.tick.ts() / 60_000 * 60_000;
            if (start + 60_000 <= closedBefore) {
                groups.computeIfAbsent(start + "/" + s.tick.symbol(), key -> new ArrayList<>()).add(s);
            }
        }
        Comparator<Sent> byEventTime = Comparator.<Sent>comparingLong(s -> s.tick.ts())
                .thenComparingInt(Sent::partition).thenComparingLong(Sent::offset);
        List<Candle> candles = new ArrayList<>();
        for (List<Sent> group : groups.values()) {
            group.sort(byEventTime);
            Tick first = group.get(0).tick;
            long volume = group.stream().mapToLong(s -> s.tick.volume()).sum();
            double priceVolume = group.stream().mapToDouble(s -> s.tick.price() * s.tick.volume()).sum();
            double priceSum = group.stream().mapToDouble(s -> s.tick.price()).sum();
            long start = first.ts() / 60_000 * 60_000;
            candles.add(candle(first.symbol(), start, first.price(),
                    group.stream().mapToDouble(s -> s.tick.price()).max().orElseThrow(),
                    group.stream().mapToDouble(s -> s.tick.price()).min().orElseThrow(),
                    group.get(group.size() - 1).tick.price(), group.size(), volume,
                    volume > 0 ? priceVolume / volume : priceSum / group.size()));
        }
        candles.sort(Comparator.comparingLong(Candle::windowStart).thenComparing(Candle::symbol));
        return candles;
    }

    private static JobSettings candleSettings(String topic, String root) {
        return KafkaHdfsSparkExtension.settings(topic, root).with(Map.of(JobSettings.STOCK_CANDLE_INTERVAL, "1m",
                JobSettings.STOCK_CANDLE_LATENESS, "30s", JobSettings.STOCK_CANDLE_PARTITIONS, "2"));
    }

    /** A candle as the files hold it, without the batch that wrote it (which depends on Spark's batch planning). */
    private static Candle candle(String symbol, long start, double open, double high, double low, double close, long ticks,
                                 long volume, double vwap) {
        return new Candle(symbol, start, start + 60_000, open, high, low, close, ticks, volume, vwap, 0);
    }

    private static void awaitWatermark(URI root, long watermark) {
        await().atMost(Duration.ofMinutes(1)).until(() -> progress(root).map(CandleProgress::watermarkMs).orElse(0L) >= watermark);
    }

    private static Optional<CandleProgress> progress(URI root) throws IOException {
        try (FileSystem fs = FileSystem.newInstance(root, KafkaHdfsSparkExtension.spark().sparkContext().hadoopConfiguration())) {
            return new CandleReader(fs, root).progress();
        }
    }

    private static List<Candle> candles(URI root) throws IOException {
        try (FileSystem fs = FileSystem.newInstance(root, KafkaHdfsSparkExtension.spark().sparkContext().hadoopConfiguration())) {
            List<Candle> candles = new ArrayList<>();
            for (Candle c : new CandleReader(fs, root).readAll()) {
                candles.add(new Candle(c.symbol(), c.windowStart(), c.windowEnd(), c.open(), c.high(), c.low(), c.close(),
                        c.ticks(), c.volume(), c.vwap(), 0));
            }
            return candles;
        }
    }
}
