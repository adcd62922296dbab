package dev.stockstream.spark;

import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.embedded.EmbeddedKafka;
import dev.stockstream.model.Tick;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * bench/candles.sh: the candle query against the batch query, each alone in {@code local[*]} on
 * the same preloaded in-process broker and HDFS, in alternating rounds (the first ones as warm-up);
 * the median rate of each side is reported, so one noisy moment of a shared machine does not
 * decide the ratio. The job runs both queries on the same ticks, so the ratio says how much of the
 * job's capacity the candles take.
 */
public final class CandleQueryBench {

    private static final int PARTITIONS = 4;
    private static final int SYMBOLS = 20;
    private static final long T0 = TestTopicWriter.T0;
    private static final int WARMUP_ROUNDS = 1;
    private static final int ROUNDS = 3;
    private static final String TOPIC = "bench-ticks";

    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000;
        try (EmbeddedKafka kafka = EmbeddedKafka.startDefault(); EmbeddedHdfs hdfs = EmbeddedHdfs.startDefault()) {
            preload(kafka, total);
            SparkSession spark = KafkaHdfsSparkExtension.localSpark("local[*]", "candle-query-bench");
            JobSettings settings = JobSettings.fromEnvironmentAndArgs(Map.of(),
                    JobSettings.KAFKA_BOOTSTRAP_SERVERS + "=" + kafka.bootstrapServers(), JobSettings.STOCK_TOPIC + "=" + TOPIC,
                    JobSettings.STOCK_OUTPUT_ROOT + "=" + hdfs.uri() + "/bench", JobSettings.STOCK_TRIGGER_INTERVAL + "=0");
            double[] candleRates = new double[ROUNDS];
            double[] batchRates = new double[ROUNDS];
            for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
                String run = Integer.toString(round + WARMUP_ROUNDS);
                double candleRate = run(CandleQuery.start(settings.withOutputRoot(URI.create(hdfs.uri() + "/candles-" + run)), spark),
                        total, "candles");
                double batchRate = run(StockStreamingJob.start(settings.withOutputRoot(URI.create(hdfs.uri() + "/batches-" + run)), spark),
                        total, "batch");
                System.err.printf(Locale.ROOT, "round %d%s: candles=%.0f batch=%.0f%n",
                        round, round < 0 ? " (warm-up)" : "", candleRate, batchRate);
                if (round >= 0) {
                    candleRates[round] = candleRate;
                    batchRates[round] = batchRate;
                }
            }
            double candles = median(candleRates);
            double batch = median(batchRates);
            spark.stop();
            System.out.println(String.format(Locale.ROOT, "candle_query_vs_batch_query ratio=%.2f candles=%d batch=%d",
                    candles / batch, Math.round(candles), Math.round(batch)));
        }
        System.exit(0);
    }

    /** Ticks spread evenly over partitions and symbols, keyed by symbol, event times 1 ms apart. */
    private static void preload(EmbeddedKafka kafka, long count) {
        kafka.createTopic(TOPIC, PARTITIONS);
        try (TestTopicWriter sender = new TestTopicWriter(kafka, TOPIC)) {
            for (long n = 0; n < count; n++) {
                sender.send((int) (n % PARTITIONS),
                        new Tick("SYM" + ((n / PARTITIONS) % SYMBOLS), 50.0 + (n % 1000) / 10.0, n % 700, T0 + n));
            }
            sender.flush();
        }
    }

    /** Runs {@code query} until it has read every preloaded tick; ticks per second. */
    private static double run(StreamingQuery query, long expected, String who) throws Exception {
        long started = System.nanoTime();
        query.processAllAvailable();
        double seconds = (System.nanoTime() - started) / 1e9;
        long processed = Arrays.stream(query.recentProgress()).mapToLong(StreamingQueryProgress::numInputRows).sum();
        Map<String, Long> phases = new TreeMap<>();
        for (StreamingQueryProgress progress : query.recentProgress()) {
            progress.durationMs().forEach((phase, ms) -> phases.merge(phase, ms, Long::sum));
        }
        System.err.println(who + " query: wall_ms=" + Math.round(seconds * 1000) + " triggers="
                + query.recentProgress().length + " phase_ms=" + phases);
        query.stop();
        if (processed != expected) {
            throw new IllegalStateException(who + " read " + processed + " ticks, expected " + expected);
        }
        return expected / seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
