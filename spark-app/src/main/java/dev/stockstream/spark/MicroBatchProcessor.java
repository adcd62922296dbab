package dev.stockstream.spark;

import dev.stockstream.store.BatchWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.LogicalRDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code foreachBatch} sink: aggregates a micro-batch per Kafka partition on the executors,
 * merges the small partial results on the driver (one row per symbol, so no shuffle) and
 * commits them with the {@link BatchWriter}. Logs one line per batch.
 */
final class MicroBatchProcessor implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MicroBatchProcessor.class);

    private final String topic;
    private final transient BatchWriter writer;
    private final transient BatchGate gate;
    /** Null when {@code STOCK_DIRECT_KAFKA_SCAN} is false: every batch is then processed as planned. */
    private final transient DirectKafkaScan directScan;

    MicroBatchProcessor(String topic, BatchWriter writer, BatchGate gate, DirectKafkaScan directScan) {
        this.topic = topic;
        this.writer = writer;
        this.gate = gate;
        this.directScan = directScan;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) throws Exception {
        gate.enter();
        boolean committed = false;
        try {
            process(batch, batchId);
            committed = true;
        } finally {
            gate.exit(batchId, committed);
        }
    }

    private void process(Dataset<Row> batch, long batchId) throws Exception {
        long started = System.nanoTime();
        RDD<InternalRow> rows = directScan == null
                ? planned(batch)
                : directScan.rows(batch.sparkSession(), batchId).orElseGet(() -> planned(batch));
        List<PartitionSummary> partitions = rows.toJavaRDD()
                .mapPartitions(new PartitionAggregator(batch.schema()))
                .collect();
        BatchSummary summary = BatchSummary.merge(partitions);
        long aggregated = System.nanoTime();
        writer.commit(batchId, summary.rows(batchId), summary.quarantine(batchId, topic));
        long finished = System.nanoTime();
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(finished - started));
        LOG.info("batch={} input_rows={} bad_rows={} symbols={} duration_ms={} write_ms={} rows_per_s={}",
                batchId, summary.records(), summary.rejectedCount(), summary.symbols(), millis,
                TimeUnit.NANOSECONDS.toMillis(finished - aggregated), summary.records() * 1000 / millis);
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
