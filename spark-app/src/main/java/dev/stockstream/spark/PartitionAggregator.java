package dev.stockstream.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;

/**
 * The executor side of a micro-batch: decodes the Kafka values of one Spark partition and
 * returns its single {@link PartitionSummary}. Reads the Kafka source's internal rows in place,
 * by column position: converting each to a public {@code Row}, or projecting the three columns
 * first, cost a copy and an object per record on the hot path.
 */
final class PartitionAggregator implements FlatMapFunction<Iterator<InternalRow>, PartitionSummary> {

    private static final long serialVersionUID = 1L;

    private final int partitionColumn;
    private final int offsetColumn;
    private final int valueColumn;

    /** For rows of the Kafka source's schema (key, value, topic, partition, offset, ...). */
    PartitionAggregator(StructType kafkaSchema) {
        this.partitionColumn = kafkaSchema.fieldIndex("partition");
        this.offsetColumn = kafkaSchema.fieldIndex("offset");
        this.valueColumn = kafkaSchema.fieldIndex("value");
    }

    @Override
    public Iterator<PartitionSummary> call(Iterator<InternalRow> rows) {
        PartitionSummary summary = new PartitionSummary();
        while (rows.hasNext()) {
            InternalRow row = rows.next();
            int partition = row.getInt(partitionColumn);
            long offset = row.getLong(offsetColumn);
            if (row.isNullAt(valueColumn)) {
                summary.accept(partition, offset, null);
            } else if (row instanceof UnsafeRow unsafe && unsafe.getBaseObject() instanceof byte[] buffer) {
                acceptInPlace(summary, partition, offset, unsafe, buffer);
            } else {
                summary.accept(partition, offset, row.getBinary(valueColumn));
            }
        }
        return List.of(summary).iterator();
    }

    /**
     * Decodes the value where the row holds it, as {@link UnsafeRow#getBinary} finds it (a variable-length
     * field is a long of offset and size), without the copy that {@code getBinary} makes of each value.
     */
    private void acceptInPlace(PartitionSummary summary, int partition, long offset, UnsafeRow row, byte[] buffer) {
        long offsetAndSize = row.getLong(valueColumn);
        int start = Math.toIntExact(row.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET + (offsetAndSize >> 32));
        summary.accept(partition, offset, buffer, start, (int) offsetAndSize);
    }
}
