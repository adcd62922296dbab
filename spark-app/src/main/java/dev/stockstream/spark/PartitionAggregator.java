package dev.stockstream.spark;

import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.Rejection;
import dev.stockstream.store.QuarantinePart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The executor side of a micro-batch: decodes the Kafka values of one Spark partition, returns
 * its single {@link PartitionSummary}, and streams the records it rejects into the task's own
 * quarantine part. Reads the Kafka source's internal rows in place, by column position:
 * converting each to a public {@code Row}, or projecting the columns first, cost a copy and an
 * object per record on the hot path.
 */
final class PartitionAggregator implements FlatMapFunction<Iterator<InternalRow>, PartitionSummary> {

    private static final long serialVersionUID = 1L;

    private final int partitionColumn;
    private final int offsetColumn;
    private final int valueColumn;
    private final int timestampColumn;
    private final long batchId;
    private final String topic;
    private final URI quarantineDir;
    private final Broadcast<SerializableConfiguration> hadoopConf;
    private final JobSettings settings;

    /** For rows of the Kafka source's schema (key, value, topic, partition, offset, timestamp, ...). */
    PartitionAggregator(StructType kafkaSchema, long batchId, URI quarantineDir,
                        Broadcast<SerializableConfiguration> hadoopConf, JobSettings settings) {
        this.partitionColumn = kafkaSchema.fieldIndex("partition");
        this.offsetColumn = kafkaSchema.fieldIndex("offset");
        this.valueColumn = kafkaSchema.fieldIndex("value");
        this.timestampColumn = kafkaSchema.fieldIndex("timestamp");
        this.batchId = batchId;
        this.topic = settings.topic();
        this.quarantineDir = quarantineDir;
        this.hadoopConf = hadoopConf;
        this.settings = settings;
    }

    @Override
    public Iterator<PartitionSummary> call(Iterator<InternalRow> rows) throws IOException {
        PartitionSummary summary = new PartitionSummary(settings);
        QuarantinePart quarantine = null;
        int maxValueBytes = settings.quarantineMaxValueBytes();
        try {
            while (rows.hasNext()) {
                InternalRow row = rows.next();
                int partition = row.getInt(partitionColumn);
                long offset = row.getLong(offsetColumn);
                // Spark holds the Kafka timestamp in microseconds.
                long timestamp = Math.floorDiv(row.getLong(timestampColumn), 1000);
                byte[] buffer;
                int start;
                int length;
                if (row.isNullAt(valueColumn)) {
                    buffer = null;
                    start = 0;
                    length = 0;
                } else if (row instanceof UnsafeRow unsafe && unsafe.getBaseObject() instanceof byte[] base) {
                    // Where the row holds the value, as UnsafeRow#getBinary finds it (a variable-length field is a long
                    // of offset and size), without the copy getBinary makes of each value.
                    long offsetAndSize = unsafe.getLong(valueColumn);
                    buffer = base;
                    start = Math.toIntExact(unsafe.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET + (offsetAndSize >> 32));
                    length = (int) offsetAndSize;
                } else {
                    buffer = row.getBinary(valueColumn);
                    start = 0;
                    length = buffer.length;
                }
                Rejection rejection = summary.accept(partition, offset, timestamp, buffer, start, length);
                if (rejection != null) {
                    if (quarantine == null) {
                        quarantine = openQuarantine();
                    }
                    quarantine.write(QuarantineRecord.of(batchId, topic, partition, offset, rejection, buffer, start, length,
                            maxValueBytes));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (quarantine != null) {
                quarantine.abort();
            }
            throw e;
        }
        if (quarantine != null) {
            quarantine.close();
        }
        return List.of(summary).iterator();
    }

    private QuarantinePart openQuarantine() {
        TaskContext task = TaskContext.get();
        try {
            return QuarantinePart.open(quarantineDir, hadoopConf.value().value(), batchId, task.partitionId(),
                    task.taskAttemptId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the quarantine part of batch " + batchId + " in " + quarantineDir, e);
        }
    }
}
