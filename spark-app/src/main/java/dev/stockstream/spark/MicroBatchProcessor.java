package dev.stockstream.spark;

import dev.stockstream.store.BatchInput;
import dev.stockstream.store.BatchWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.execution.streaming.StreamExecution;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code foreachBatch} sink: aggregates a micro-batch per Kafka partition on the executors
 * (which stream the rejected records into the quarantine), merges the small partial results on
 * the driver (one row per symbol, so no shuffle) and commits them with the {@link BatchWriter},
 * with the batch's input as Spark planned it. Logs one line per batch.
 */
final class MicroBatchProcessor implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MicroBatchProcessor.class);

    private final JobSettings settings;
    private final transient BatchWriter writer;
    private final transient BatchGate gate;
    private final transient SparkSession spark;
    private final transient Broadcast<SerializableConfiguration> hadoopConf;
    /** Null when {@code STOCK_DIRECT_KAFKA_SCAN} is false: every batch is then processed as planned. */
    private final transient DirectKafkaScan directScan;

    MicroBatchProcessor(JobSettings settings, BatchWriter writer, BatchGate gate, SparkSession spark) {
        this.settings = settings;
        this.writer = writer;
        this.gate = gate;
        this.spark = spark;
        this.hadoopConf = spark.sparkContext().broadcast(
                new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()),
                scala.reflect.ClassTag$.MODULE$.apply(SerializableConfiguration.class));
        this.directScan = settings.directKafkaScan() ? new DirectKafkaScan() : null;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) throws Exception {
        gate.write(batchId, () -> process(batch, batchId));
    }

    private void process(Dataset<Row> batch, long batchId) throws Exception {
        long started = System.nanoTime();
        StreamExecution query = RunningQuery.current(batch.sparkSession(), spark.streams())
                .orElseThrow(() -> new IllegalStateException("batch " + batchId + " runs outside its streaming query"));
        BatchInput input = QueryInput.of(query, settings.topic());
        BatchWriter.Attempt attempt = writer.begin(batchId, input);
        if (attempt.alreadyCommitted()) {
            attempt.commit(List.of());
            LOG.info("batch={} already committed from the same input ({}); kept as it is", batchId, input.describe());
            return;
        }
        RDD<InternalRow> rows = directScan == null
                ? planned(batch)
                : directScan.rows(query, batchId).orElseGet(() -> planned(batch));
        List<PartitionSummary> partitions = rows.toJavaRDD()
                .mapPartitions(new PartitionAggregator(batch.schema(), batchId, attempt.quarantineDir(), hadoopConf, settings))
                .collect();
        BatchSummary summary = BatchSummary.merge(partitions);
        long aggregated = System.nanoTime();
        attempt.commit(summary.rows(batchId));
        long finished = System.nanoTime();
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(finished - started));
        LOG.info("batch={} input_rows={} bad_rows={} symbols={} duration_ms={} write_ms={} rows_per_s={}",
                batchId, summary.records(), summary.rejectedCount(), summary.symbols(), millis,
                TimeUnit.NANOSECONDS.toMillis(finished - aggregated), summary.records() * 1000 / millis);
        for (String symbol : summary.saturatedVolumes()) {
            LOG.warn("batch={} symbol={}: the volume sum exceeds {} and is written as that maximum", batchId, symbol,
                    Long.MAX_VALUE);
        }
    }

    /**
     * The batch as planned. {@code foreachBatch} hands it over wrapped in a {@link LogicalRDD},
     * and planning that wrapper again would copy every row once more; its RDD is read directly.
     */
    private static RDD<InternalRow> planned(Dataset<Row> batch) {
        return batch.queryExecution().logical() instanceof LogicalRDD wrapped
                ? wrapped.rdd()
                : batch.queryExecution().toRdd();
    }
}
