package dev.stockstream.spark;

import java.util.Optional;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.ProjectExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.datasources.v2.MicroBatchScanExec;
import org.apache.spark.sql.execution.streaming.IncrementalExecution;
import org.apache.spark.sql.execution.streaming.StreamExecution;
import org.apache.spark.sql.execution.streaming.StreamingQueryWrapper;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's direct Kafka scan ({@code STOCK_DIRECT_KAFKA_SCAN}): runs the Kafka source's scan of the
 * micro-batch in hand by itself, with as few row copies as Spark allows. Spark plans this job's batch
 * as an identity projection over the Kafka scan (to be sure its rows are unsafe rows, which the
 * Kafka scan's rows already are), and running it copies every row into a new one: 15 % of the
 * executors' CPU in the benchmark. It reads the query's own plan, not a {@code Dataset}: it applies
 * only while the batch is exactly that projection, and any other shape (another Spark version, a
 * step added to the query) gets nothing from it and is processed as planned, with a warning.
 */
final class DirectKafkaScan {

    private static final Logger LOG = LoggerFactory.getLogger(DirectKafkaScan.class);

    private boolean warned;


    /** The Kafka scan's rows of {@code query}'s batch {@code batchId}, or empty when its plan is not the bare scan. */
    Optional<RDD<InternalRow>> rows(StreamExecution query, long batchId) {
        Optional<SparkPlan> scan = kafkaScan(query, batchId);
        if (scan.isEmpty() && !warned) {
            warned = true;
            LOG.warn("batch {}: the Kafka scan is not the only step of the batch's plan; running the plan as is "
                    + "(one more copy of every row)", batchId);
        }
        return scan.map(SparkPlan::execute);
    }

    /** The Kafka scan of the query's batch {@code batchId}, if the plan is that scan under an identity projection. */
    static Optional<SparkPlan> kafkaScan(StreamingQuery query, long batchId) {
        return query instanceof StreamingQueryWrapper wrapper ? kafkaScan(wrapper.streamingQuery(), batchId) : Optional.empty();
    }

    static Optional<SparkPlan> kafkaScan(StreamExecution query, long batchId) {
        IncrementalExecution execution = query.lastExecution();
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
}
