package dev.stockstream.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

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
            summary.accept(row.getInt(partitionColumn), row.getLong(offsetColumn),
                    row.isNullAt(valueColumn) ? null : row.getBinary(valueColumn));
        }
        return List.of(summary).iterator();
    }
}
