package dev.stockstream.spark;

import dev.stockstream.model.OutputLayout;
import dev.stockstream.store.BatchWriter;
import dev.stockstream.store.OutputConflictException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark job: Kafka ticks in, one CSV of per-symbol aggregates per micro-batch out, and
 * event-time candles ({@link CandleQuery}), on HDFS in the contract's layout, each query
 * checkpointed under the same root. Run by {@code spark-submit}
 * ({@link #main}) or by a local runner ({@link #start}).
 */
public final class StockStreamingJob {

    public static final String QUERY_NAME = "stock-ticks";
    private static final Logger LOG = LoggerFactory.getLogger(StockStreamingJob.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

    private StockStreamingJob() {
    }

    public static void main(String[] args) throws Exception {
        JobSettings settings;
        try {
            settings = JobSettings.fromEnvironmentAndArgs(System.getenv(), args);
            KafkaClientConfig.read(settings.kafkaClientConfig());
        } catch (IllegalArgumentException e) {
            System.err.println("stock-spark-app: " + e.getMessage());
            System.err.println(JobSettings.USAGE);
            System.exit(2);
            return;
        }
        logSettings(settings, JobSettings.defaulted(System.getenv(), args), System.getenv("KUBERNETES_SERVICE_HOST") != null);
        SparkSession spark = SparkSession.builder().appName("stock-streaming").getOrCreate();
        QueryMetrics.install(spark, queryNames(settings));
        try {
            List<StreamingQuery> queries = startQueries(settings, spark);
            queries.forEach(query -> GracefulShutdown.install(query, SHUTDOWN_GRACE));
            // One query failing ends the job (it throws here), so the operator restarts both from their checkpoints.
            spark.streams().awaitAnyTermination();
        } catch (Exception e) {
            OutputConflictException conflict = conflictIn(e);
            if (conflict == null) {
                throw e;
            }
            LOG.error("stopping: {}", conflict.getMessage());
            System.err.println("stock-spark-app: " + conflict.getMessage());
            spark.stop();
            System.exit(3);
        }
    }

    /** The disagreement between checkpoint and output behind {@code error}, or null when it is something else. */
    static OutputConflictException conflictIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutputConflictException conflict) {
                return conflict;
            }
        }
        return null;
    }

    /**
     * One line of the settings in effect, and a warning for each service address left to its localhost
     * default on Kubernetes, where it can only be a mistake.
     */
    static void logSettings(JobSettings settings, List<String> defaulted, boolean onKubernetes) {
        LOG.info("settings: {} (defaults: {})", settings.values(), defaulted);
        if (onKubernetes) {
            for (String address : List.of(JobSettings.KAFKA_BOOTSTRAP_SERVERS, JobSettings.STOCK_OUTPUT_ROOT)) {
                if (defaulted.contains(address)) {
                    LOG.warn("running on Kubernetes with {} unset: using its default {}, which is this pod itself; "
                            + "pass {}=... as an argument of the SparkApplication", address, JobSettings.DEFAULTS.get(address), address);
                }
            }
        }
    }

    /** The names of the queries {@link #startQueries} starts. */
    public static List<String> queryNames(JobSettings settings) {
        return settings.candlesEnabled() ? List.of(QUERY_NAME, CandleQuery.QUERY_NAME) : List.of(QUERY_NAME);
    }

    /**
     * Starts the job's queries on the given session: the batch query, then the candle query when
     * {@code STOCK_CANDLES_ENABLED}. The caller owns the session and the queries.
     */
    public static List<StreamingQuery> startQueries(JobSettings settings, SparkSession spark) throws IOException, TimeoutException {
        StreamingQuery batches = start(settings, spark);
        if (!settings.candlesEnabled()) {
            return List.of(batches);
        }
        try {
            return List.of(batches, startCandles(settings, spark));
        } catch (IOException | TimeoutException | RuntimeException e) {
            batches.stop();
            throw e;
        }
    }

    /** Starts the batch query (per-micro-batch aggregates) on the given session; the caller owns both. */
    public static StreamingQuery start(JobSettings settings, SparkSession spark) throws IOException, TimeoutException {
        BatchWriter writer = new BatchWriter(settings.outputRoot(), spark.sparkContext().hadoopConfiguration());
        CheckpointGuard.check(spark, settings, writer.recover());
        Dataset<Row> records = kafkaSource(settings, spark).load();
        BatchGate gate = new BatchGate();
        StreamingQuery query = records.writeStream()
                .queryName(QUERY_NAME)
                .option("checkpointLocation", settings.resolve(OutputLayout.CHECKPOINTS_DIR))
                .trigger(Trigger.ProcessingTime(settings.triggerInterval().toMillis()))
                .foreachBatch(new MicroBatchProcessor(settings, writer, gate, spark))
                .start();
        BatchGate.register(query, gate);
        return query;
    }

    /** Starts the candle query (event-time candles, {@link CandleQuery}) on the given session; the caller owns both. */
    public static StreamingQuery startCandles(JobSettings settings, SparkSession spark) throws IOException, TimeoutException {
        return CandleQuery.start(settings, spark);
    }

    /**
     * The topic as the job's queries read it, each from where its own checkpoint says; with the
     * client settings of {@code STOCK_KAFKA_CLIENT_CONFIG} (a secured cluster) on every consumer.
     */
    static DataStreamReader kafkaSource(JobSettings settings, SparkSession spark) {
        DataStreamReader source = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.bootstrapServers())
                .option("subscribe", settings.topic())
                .option("startingOffsets", settings.startingOffsets())
                .option("maxOffsetsPerTrigger", settings.maxOffsetsPerTrigger())
                .option("failOnDataLoss", settings.failOnDataLoss());
        KafkaFetchSettings.CONSUMER.forEach((name, value) -> source.option("kafka." + name, value));
        KafkaClientConfig.read(settings.kafkaClientConfig()).forEach((name, value) -> source.option("kafka." + name, value));
        return source;
    }
}
