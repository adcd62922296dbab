package dev.stockstream.spark;

import dev.stockstream.model.OutputLayout;
import dev.stockstream.store.BatchInput;
import dev.stockstream.store.BatchReader;
import dev.stockstream.store.OutputConflictException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.streaming.Offset;
import org.apache.spark.sql.execution.streaming.CommitLog;
import org.apache.spark.sql.execution.streaming.CommitMetadata;
import org.apache.spark.sql.execution.streaming.OffsetSeq;
import org.apache.spark.sql.execution.streaming.OffsetSeqLog;
import org.apache.spark.sql.execution.streaming.OffsetSeqMetadata$;
import org.apache.spark.sql.execution.streaming.SerializedOffset;
import org.apache.spark.sql.execution.streaming.StreamMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Keeps a new checkpoint from starting over an output root that already has batches: Spark
 * would number batches from 0 again, so ids up to the old maximum would be skipped and the topic
 * read again into new ids. The start stops with one line saying so, or, with
 * {@code STOCK_RESUME_FROM_OUTPUT}, the checkpoint is rebuilt with Spark's own logs from the input
 * the last committed batch recorded, so the next batch id follows it and reads on from its end.
 */
final class CheckpointGuard {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointGuard.class);

    private CheckpointGuard() {
    }

    /** {@code latest}: the last committed batch id, as the writer's recovery found it. */
    static void check(SparkSession spark, JobSettings settings, OptionalLong latest) throws IOException {
        String checkpoint = settings.resolve(OutputLayout.CHECKPOINTS_DIR);
        if (latest.isEmpty() || hasPlannedBatches(spark, checkpoint)) {
            return;
        }
        long last = latest.getAsLong();
        if (!settings.resumeFromOutput()) {
            throw new OutputConflictException(settings.outputRoot() + " holds batches up to " + last + " but the checkpoint "
                    + checkpoint + " has none: a new checkpoint would number batches from 0 again and skip or double data. "
                    + "To go on after batch " + last + " from the Kafka offsets it recorded, start once with "
                    + JobSettings.STOCK_RESUME_FROM_OUTPUT + "=true; to start over, use a new " + JobSettings.STOCK_OUTPUT_ROOT);
        }
        BatchInput input;
        try (BatchReader output = BatchReader.open(settings.outputRoot(), spark.sparkContext().hadoopConfiguration())) {
            input = output.readInput(last);
        }
        if (input == null) {
            throw new OutputConflictException("cannot resume from " + settings.outputRoot() + ": batch " + last
                    + " has no input record (it was written by an older version of the job); restore the checkpoint, "
                    + "or start over with a new " + JobSettings.STOCK_OUTPUT_ROOT);
        }
        if (!input.topic().equals(settings.topic())) {
            throw new OutputConflictException("cannot resume from " + settings.outputRoot() + ": batch " + last + " read topic "
                    + input.topic() + ", but " + JobSettings.STOCK_TOPIC + " is " + settings.topic());
        }
        rebuild(spark, checkpoint, last, input);
        LOG.warn("resumed from the output: rebuilt the checkpoint {} at batch {} ({}); the next batch is {}",
                checkpoint, last, input.describe(), last + 1);
    }

    private static OffsetSeq offsetSeq(SparkSession spark, String topic, Map<Integer, Long> offsets) {
        Offset offset = new SerializedOffset(QueryInput.offsetJson(topic, offsets));
        return new OffsetSeq(
                JavaConverters.asScalaBufferConverter(List.<Option<Offset>>of(Option.apply(offset))).asScala().toSeq(),
                Option.apply(OffsetSeqMetadata$.MODULE$.apply(0L, System.currentTimeMillis(), spark.conf())));
    }

    private static Map<Integer, Long> startOffsets(BatchInput input) {
        Map<Integer, Long> starts = new TreeMap<>();
        input.partitions().forEach((partition, range) -> starts.put(partition, range.from()));
        return starts;
    }

    private static boolean hasPlannedBatches(SparkSession spark, String checkpoint) {
        return new OffsetSeqLog(spark, checkpoint + "/offsets").getLatestBatchId().isDefined();
    }

    /**
     * Writes what Spark would have left after committing batch {@code batchId}: the query's id, the
     * batch's start and end offsets, and its commit. A checkpoint without planned batches holds nothing else of value.
     */
    private static void rebuild(SparkSession spark, String checkpoint, long batchId, BatchInput input) throws IOException {
        Configuration conf = spark.sessionState().newHadoopConf();
        Path root = new Path(checkpoint);
        FileSystem fs = root.getFileSystem(conf);
        fs.delete(root, true);
        fs.mkdirs(root);
        StreamMetadata.write(new StreamMetadata(input.queryId()), new Path(root, "metadata"), conf);
        OffsetSeqLog offsetLog = new OffsetSeqLog(spark, checkpoint + "/offsets");
        // Spark reads the batch before the last one too, as where the last one started.
        if (batchId > 0) {
            offsetLog.add(batchId - 1, offsetSeq(spark, input.topic(), startOffsets(input)));
        }
        offsetLog.add(batchId, offsetSeq(spark, input.topic(), input.endOffsets()));
        new CommitLog(spark, checkpoint + "/commits").add(batchId, new CommitMetadata(0L));
    }
}
