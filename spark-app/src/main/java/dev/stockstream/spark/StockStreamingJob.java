package dev.stockstream.spark;

import dev.stockstream.model.OutputLayout;
import dev.stockstream.store.BatchWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The Spark job: Kafka ticks in, one CSV of per-symbol aggregates per micro-batch out, on HDFS
 * in the contract's layout, checkpointed under the same root. Run by {@code spark-submit}
 * ({@link #main}) or by a local runner ({@link #start}).
 */
public final class StockStreamingJob {

    public static final String QUERY_NAME = "stock-ticks";
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

    private StockStreamingJob() {
    }

    public static void main(String[] args) throws Exception {
        JobSettings settings;
        try {
            settings = JobSettings.fromEnvironmentAndArgs(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("stock-spark-app: " + e.getMessage());
            System.err.println(JobSettings.USAGE);
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("stock-streaming").getOrCreate();
        StreamingQuery query = start(settings, spark);
        GracefulShutdown.install(query, SHUTDOWN_GRACE);
        query.awaitTermination();
    }

    /** Starts the streaming query on the given session; the caller owns both. */
    public static StreamingQuery start(JobSettings settings, SparkSession spark) throws IOException, TimeoutException {
        BatchWriter writer = new BatchWriter(settings.outputRoot(), spark.sparkContext().hadoopConfiguration());
        writer.removeAbandonedAttempts();
        DataStreamReader source = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.bootstrapServers())
                .option("subscribe", settings.topic())
                .option("startingOffsets", settings.startingOffsets())
                .option("maxOffsetsPerTrigger", settings.maxOffsetsPerTrigger());
        KafkaFetchSettings.CONSUMER.forEach((name, value) -> source.option("kafka." + name, value));
        Dataset<Row> records = source.load();
        BatchGate gate = new BatchGate();
        StreamingQuery query = records.writeStream()
                .queryName(QUERY_NAME)
                .option("checkpointLocation", settings.resolve(OutputLayout.CHECKPOINTS_DIR))
                .trigger(Trigger.ProcessingTime(settings.triggerInterval().toMillis()))
                .foreachBatch(new MicroBatchProcessor(settings.topic(), writer, gate,
                        settings.directKafkaScan() ? new DirectKafkaScan(spark.streams()) : null))
                .start();
        BatchGate.register(query, gate);
        return query;
    }
}
