package dev.stockstream.spark;

import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.embedded.EmbeddedKafka;
import dev.stockstream.model.Tick;
import dev.stockstream.store.BatchInput;
import dev.stockstream.store.BatchWriter;
import dev.stockstream.store.OffsetRange;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * bench/spark-job.sh: the job in {@code local[*]} against a plain {@link KafkaConsumer} loop that
 * does the same work (contract parsing, per-batch aggregation, the same HDFS commit), on the same
 * preloaded in-process broker and HDFS: the two read the same ticks in alternating rounds, the
 * first ones as warm-up, and the median rate of each side is reported, so one noisy moment of a
 * shared machine does not decide the ratio.
 */
public final class SparkJobBench {

    private static final int PARTITIONS = 4;
    private static final int SYMBOLS = 20;
    private static final long T0 = TestTopicWriter.T0;
    /** The job's default micro-batch cap, which the baseline's batches match. */
    private static final long BATCH = Long.parseLong(JobSettings.DEFAULTS.get(JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER));
    /** Rounds run before measuring, so both sides are measured with their hot code compiled. */
    private static final int WARMUP_ROUNDS = 2;
    /** Each side reads the same preloaded ticks this many times, alternating; the medians are reported. */
    private static final int ROUNDS = 5;
    private static final String TOPIC = "bench-ticks";

    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000;
        try (EmbeddedKafka kafka = EmbeddedKafka.startDefault(); EmbeddedHdfs hdfs = EmbeddedHdfs.startDefault()) {
            preload(kafka, TOPIC, total);
            SparkSession spark = KafkaHdfsSparkExtension.localSpark("local[*]", "spark-job-bench");
            TaskTimes taskTimes = new TaskTimes();
            spark.sparkContext().addSparkListener(taskTimes);
            // STOCK_DIRECT_KAFKA_SCAN=false in the environment measures the job without its direct Kafka scan.
            JobSettings settings = JobSettings.fromEnvironmentAndArgs(Map.of(),
                    JobSettings.KAFKA_BOOTSTRAP_SERVERS + "=" + kafka.bootstrapServers(), JobSettings.STOCK_TOPIC + "=" + TOPIC,
                    JobSettings.STOCK_OUTPUT_ROOT + "=" + hdfs.uri() + "/bench", JobSettings.STOCK_TRIGGER_INTERVAL + "=0",
                    JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER + "=" + BATCH)
                    .withDirectKafkaScan(directKafkaScan());
            System.err.println(JobSettings.STOCK_DIRECT_KAFKA_SCAN + "=" + settings.directKafkaScan());
            Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();

            double[] sparkRates = new double[ROUNDS];
            double[] baselineRates = new double[ROUNDS];
            for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
                taskTimes.reset();
                double sparkRate = runSpark(spark,
                        settings.withOutputRoot(URI.create(hdfs.uri() + "/bench-spark-" + (round + WARMUP_ROUNDS))), total);
                double baselineRate = runBaseline(kafka,
                        settings.withOutputRoot(URI.create(hdfs.uri() + "/bench-baseline-" + (round + WARMUP_ROUNDS))), total, hadoopConf);
                System.err.printf(Locale.ROOT, "round %d%s: spark=%.0f baseline=%.0f spark tasks: %s%n",
                        round, round < 0 ? " (warm-up)" : "", sparkRate, baselineRate, taskTimes);
                if (round >= 0) {
                    sparkRates[round] = sparkRate;
                    baselineRates[round] = baselineRate;
                }
            }
            double sparkRate = median(sparkRates);
            double baselineRate = median(baselineRates);
            spark.stop();
            System.out.println(String.format(Locale.ROOT,
                    "spark_job_vs_plain_consumer ratio=%.2f spark=%d baseline=%d",
                    sparkRate / baselineRate, Math.round(sparkRate), Math.round(baselineRate)));
        }
        System.exit(0);
    }

    private static boolean directKafkaScan() {
        String name = JobSettings.STOCK_DIRECT_KAFKA_SCAN;
        return JobSettings.fromEnvironmentAndArgs(Map.of(name, System.getenv().getOrDefault(name, ""))).directKafkaScan();
    }

    /** Ticks spread evenly over partitions and symbols, keyed by symbol. */
    private static void preload(EmbeddedKafka kafka, String topic, long count) {
        kafka.createTopic(topic, PARTITIONS);
        try (TestTopicWriter sender = new TestTopicWriter(kafka, topic)) {
            for (long n = 0; n < count; n++) {
                sender.send((int) (n % PARTITIONS),
                        new Tick("SYM" + ((n / PARTITIONS) % SYMBOLS), 50.0 + (n % 1000) / 10.0, n % 700, T0 + n));
            }
            sender.flush();
        }
    }

    private static double runSpark(SparkSession spark, JobSettings settings, long expected) throws Exception {
        long started = System.nanoTime();
        StreamingQuery query = StockStreamingJob.start(settings, spark);
        query.processAllAvailable();
        double seconds = (System.nanoTime() - started) / 1e9;
        long processed = 0;
        Map<String, Long> phases = new TreeMap<>();
        for (StreamingQueryProgress progress : query.recentProgress()) {
            processed += progress.numInputRows();
            progress.durationMs().forEach((k, v) -> phases.merge(k, v, Long::sum));
        }
        System.err.println("spark query: wall_ms=" + Math.round(seconds * 1000) + " triggers="
                + query.recentProgress().length + " phase_ms=" + phases);
        query.stop();
        check(processed, expected, "spark");
        return expected / seconds;
    }

    private static double runBaseline(EmbeddedKafka kafka, JobSettings settings, long expected,
                                      Configuration hadoopConf) throws Exception {
        long started = System.nanoTime();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putAll(KafkaFetchSettings.CONSUMER);
        BatchWriter writer = new BatchWriter(settings.outputRoot(), hadoopConf);
        long processed = 0;
        long batchId = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(settings.topic(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            PartitionSummary summary = new PartitionSummary(settings);
            while (processed < expected) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    summary.accept(record.partition(), record.offset(), record.timestamp(), record.value());
                    processed++;
                    if (summary.records() == BATCH || processed == expected) {
                        BatchSummary batch = BatchSummary.merge(List.of(summary));
                        writer.commit(batchId, new BatchInput("baseline", settings.topic(),
                                Map.of(record.partition(), new OffsetRange(0, record.offset() + 1))), batch.rows(batchId), List.of());
                        batchId++;
                        summary = new PartitionSummary(settings);
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        check(processed, expected, "baseline");
        return expected / seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void check(long processed, long expected, String who) {
        if (processed != expected) {
            throw new IllegalStateException(who + " processed " + processed + " ticks, expected " + expected);
        }
    }

    /** Where the executors' time goes: on CPU, in GC, or waiting (for the broker, or for a core). */
    private static final class TaskTimes extends SparkListener {
        private final AtomicLong runMs = new AtomicLong();
        private final AtomicLong cpuMs = new AtomicLong();
        private final AtomicLong gcMs = new AtomicLong();
        private final AtomicLong tasks = new AtomicLong();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null) {
                runMs.addAndGet(end.taskMetrics().executorRunTime());
                cpuMs.addAndGet(end.taskMetrics().executorCpuTime() / 1_000_000);
                gcMs.addAndGet(end.taskMetrics().jvmGCTime());
                tasks.incrementAndGet();
            }
        }

        void reset() {
            runMs.set(0);
            cpuMs.set(0);
            gcMs.set(0);
            tasks.set(0);
        }

        @Override
        public String toString() {
            return "tasks=" + tasks + " run_ms=" + runMs + " cpu_ms=" + cpuMs + " gc_ms=" + gcMs;
        }
    }
}
