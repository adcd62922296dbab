package dev.stockstream.spark;

import dev.stockstream.model.Rejection;
import dev.stockstream.model.TickJson;
import dev.stockstream.model.TickResult;
import dev.stockstream.model.TickRules;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * The candle query's input: the Kafka records decoded by the contract, with the batch query's
 * rules (a record it quarantines is skipped here, so both count the same ticks). Also counts the
 * ticks Spark's aggregation will drop as late: those whose window ended at or before the watermark
 * for late events, which {@link CandleSink} hands to the tasks as a local property.
 */
final class CandleTicks implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** The task property holding the batch's watermark for late events, epoch ms. */
    static final String LATE_WATERMARK_PROPERTY = "stockstream.candles.lateWatermarkMs";

    static final StructType SCHEMA = new StructType()
            .add("symbol", DataTypes.StringType, false)
            .add("event_time", DataTypes.TimestampType, false)
            .add("price", DataTypes.DoubleType, false)
            .add("volume", DataTypes.LongType, false)
            .add("partition", DataTypes.IntegerType, false)
            .add("offset", DataTypes.LongType, false);

    private final long maxAheadMs;
    private final long maxBehindMs;
    private final long intervalMs;
    private final LongAccumulator lateTicks;

    CandleTicks(JobSettings settings, LongAccumulator lateTicks) {
        this.maxAheadMs = settings.maxEventAhead().toMillis();
        this.maxBehindMs = settings.maxEventBehind().toMillis();
        this.intervalMs = settings.candleInterval().toMillis();
        this.lateTicks = lateTicks;
    }

    /** Rows of {@code value, partition, offset, timestamp} from the Kafka source, decoded as they are read. */
    @Override
    public Iterator<Row> call(Iterator<Row> records) {
        long lateWatermark = lateWatermark();
        return new Iterator<>() {
            private Row next;
            private long late;

            @Override
            public boolean hasNext() {
                while (next == null && records.hasNext()) {
                    next = decode(records.next());
                    if (next != null && windowEnd(((Timestamp) next.get(1)).getTime()) <= lateWatermark) {
                        late++;
                    }
                }
                if (next == null && late > 0) {
                    lateTicks.add(late);
                    late = 0;
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }
        };
    }

    /** The tick of one record, or null when the batch query quarantines it. */
    private Row decode(Row record) {
        TickResult result = TickJson.decode(record.isNullAt(0) ? null : (byte[]) record.get(0));
        if (!result.isValid()) {
            return null;
        }
        long ts = result.tick().ts();
        Rejection rejection = TickRules.checkEventTime(ts, record.getTimestamp(3).getTime(), maxAheadMs, maxBehindMs);
        if (rejection != null) {
            return null;
        }
        return RowFactory.create(result.tick().symbol(), new Timestamp(ts), result.tick().price(), result.tick().volume(),
                record.getInt(1), record.getLong(2));
    }

    /** The end of the tumbling window {@code ts} falls in, as Spark's {@code window} places it. */
    long windowEnd(long ts) {
        return Math.floorDiv(ts, intervalMs) * intervalMs + intervalMs;
    }

    private static long lateWatermark() {
        TaskContext task = TaskContext.get();
        String value = task == null ? null : task.getLocalProperty(LATE_WATERMARK_PROPERTY);
        return value == null ? Long.MIN_VALUE : Long.parseLong(value);
    }
}
