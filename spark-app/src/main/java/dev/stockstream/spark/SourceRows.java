package dev.stockstream.spark;

import java.util.Optional;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.execution.ProjectExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.datasources.v2.MicroBatchScanExec;
import org.apache.spark.sql.execution.streaming.IncrementalExecution;
import org.apache.spark.sql.execution.streaming.StreamExecution;
import org.apache.spark.sql.execution.streaming.StreamingQueryWrapper;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka source's rows of the micro-batch in hand, with as few copies as Spark allows. Spark
 * plans this job's batch as an identity projection over the Kafka scan (to be sure its rows are
 * unsafe rows, which the Kafka scan's rows already are), and running it copies every row into a
 * new one: 15 % of the executors' CPU in the benchmark. When the batch's plan has exactly that
 * shape the scan is run by itself; any other shape (another Spark version) is run as planned,
 * with a warning.
 */
final class SourceRows {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRows.class);

    private final StreamingQueryManager queries;
    private boolean warned;

    /** {@code queries}: the manager of the session that started the query. */
    SourceRows(StreamingQueryManager queries) {
        this.queries = queries;
    }

    RDD<InternalRow> of(Dataset<Row> batch, long batchId) {
        String queryId = batch.sparkSession().sparkContext().getLocalProperty(StreamExecution.QUERY_ID_KEY());
        StreamingQuery query = queryId == null ? null : queries.get(queryId);
        Optional<SparkPlan> scan = query == null ? Optional.empty() : kafkaScan(query, batchId);
        if (scan.isPresent()) {
            return scan.get().execute();
        }
        if (!warned) {
            warned = true;
            LOG.warn("batch {}: the Kafka scan is not the only step of the batch's plan; running the plan as is "
                    + "(one more copy of every row)", batchId);
        }
        return planned(batch);
    }

    /** The Kafka scan of the query's batch {@code batchId}, if the plan is that scan under an identity projection. */
    static Optional<SparkPlan> kafkaScan(StreamingQuery query, long batchId) {
        if (!(query instanceof StreamingQueryWrapper wrapper)) {
            return Optional.empty();
        }
        IncrementalExecution execution = wrapper.streamingQuery().lastExecution();
        if (execution == null || execution.currentBatchId() != batchId) {
            return Optional.empty();
        }
        SparkPlan plan = execution.executedPlan();
        if (plan instanceof WholeStageCodegenExec codegen) {
            plan = codegen.child();
        }
        if (!(plan instanceof ProjectExec project)) {
            return Optional.empty();
        }
        SparkPlan input = project.child() instanceof InputAdapter adapter ? adapter.child() : project.child();
        return input instanceof MicroBatchScanExec scan && project.output().equals(scan.output())
                ? Optional.of(scan)
                : Optional.empty();
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
