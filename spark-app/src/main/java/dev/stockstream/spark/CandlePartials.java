package dev.stockstream.spark;

import dev.stockstream.model.TickJson;
import dev.stockstream.model.TickResult;
import dev.stockstream.model.TickRules;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * The candle query's input: the Kafka records of one partition decoded by the contract, with the
 * batch query's rules (a record it quarantines is skipped here, so both count the same ticks), and
 * combined into one partial candle per symbol and window before Spark's stateful aggregation merges
 * them across partitions and batches. Spark's own partial aggregation of {@code min_by}/{@code max_by}
 * sorts every input row (their struct ordering keeps it off the hash aggregate), so combining here
 * turns hundreds of thousands of rows per batch into a few. A partial's {@code event_time} is its
 * newest tick's, so the watermark (the maximum event time) and the window stay the ones of the ticks.
 *
 * <p>Also counts the ticks Spark's aggregation will drop as late: those whose window ended at or
 * before the watermark for late events, which {@link CandleSink} hands to the tasks as a local property.
 */
final class CandlePartials implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** The task property holding the batch's watermark for late events, epoch ms. */
    static final String LATE_WATERMARK_PROPERTY = "stockstream.candles.lateWatermarkMs";

    static final StructType SCHEMA = new StructType()
            .add("symbol", DataTypes.StringType, false)
            .add("event_time", DataTypes.TimestampType, false)
            .add("open", DataTypes.DoubleType, false)
            .add("open_time", DataTypes.LongType, false)
            .add("open_partition", DataTypes.IntegerType, false)
            .add("open_offset", DataTypes.LongType, false)
            .add("high", DataTypes.DoubleType, false)
            .add("low", DataTypes.DoubleType, false)
            .add("close", DataTypes.DoubleType, false)
            .add("close_time", DataTypes.LongType, false)
            .add("close_partition", DataTypes.IntegerType, false)
            .add("close_offset", DataTypes.LongType, false)
            .add("ticks", DataTypes.LongType, false)
            .add("volume", DataTypes.LongType, false)
            .add("price_volume", DataTypes.DoubleType, false)
            .add("price_sum", DataTypes.DoubleType, false);

    private final long maxAheadMs;
    private final long maxBehindMs;
    private final long intervalMs;
    private final LongAccumulator lateTicks;

    CandlePartials(JobSettings settings, LongAccumulator lateTicks) {
        this.maxAheadMs = settings.maxEventAhead().toMillis();
        this.maxBehindMs = settings.maxEventBehind().toMillis();
        this.intervalMs = settings.candleInterval().toMillis();
        this.lateTicks = lateTicks;
    }

    /** Rows of {@code value, partition, offset, timestamp_ms} from the Kafka source; rows of {@link #SCHEMA} out. */
    @Override
    public Iterator<Row> call(Iterator<Row> records) {
        long lateWatermark = lateWatermark();
        Map<WindowKey, Partial> partials = new LinkedHashMap<>();
        long late = 0;
        while (records.hasNext()) {
            Row record = records.next();
            TickResult result = TickJson.decode(record.isNullAt(0) ? null : (byte[]) record.get(0));
            if (!result.isValid()) {
                continue;
            }
            long ts = result.tick().ts();
            if (TickRules.checkEventTime(ts, record.getLong(3), maxAheadMs, maxBehindMs) != null) {
                continue;
            }
            long windowStart = Math.floorDiv(ts, intervalMs) * intervalMs;
            if (windowStart + intervalMs <= lateWatermark) {
                late++;
            }
            partials.computeIfAbsent(new WindowKey(result.tick().symbol(), windowStart), key -> new Partial())
                    .add(ts, result.tick().price(), result.tick().volume(), record.getInt(1), record.getLong(2));
        }
        if (late > 0) {
            lateTicks.add(late);
        }
        return partials.entrySet().stream().map(entry -> entry.getValue().toRow(entry.getKey().symbol())).iterator();
    }

    private static long lateWatermark() {
        TaskContext task = TaskContext.get();
        String value = task == null ? null : task.getLocalProperty(LATE_WATERMARK_PROPERTY);
        return value == null ? Long.MIN_VALUE : Long.parseLong(value);
    }

    private record WindowKey(String symbol, long windowStart) {
    }

    /** The ticks of one symbol and window in one partition; open and close by (event time, partition, offset). */
    private static final class Partial {
        private long newest = Long.MIN_VALUE;
        private double open;
        private long openTime = Long.MAX_VALUE;
        private int openPartition;
        private long openOffset;
        private double high = Double.NEGATIVE_INFINITY;
        private double low = Double.POSITIVE_INFINITY;
        private double close;
        private long closeTime = Long.MIN_VALUE;
        private int closePartition;
        private long closeOffset;
        private long ticks;
        private long volume;
        private double priceVolume;
        private double priceSum;

        void add(long ts, double price, long tickVolume, int partition, long offset) {
            newest = Math.max(newest, ts);
            if (compare(ts, partition, offset, openTime, openPartition, openOffset) < 0) {
                open = price;
                openTime = ts;
                openPartition = partition;
                openOffset = offset;
            }
            if (ticks == 0 || compare(ts, partition, offset, closeTime, closePartition, closeOffset) > 0) {
                close = price;
                closeTime = ts;
                closePartition = partition;
                closeOffset = offset;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            ticks++;
            volume += tickVolume;
            priceVolume += price * tickVolume;
            priceSum += price;
        }

        Row toRow(String symbol) {
            return RowFactory.create(symbol, new Timestamp(newest), open, openTime, openPartition, openOffset, high, low,
                    close, closeTime, closePartition, closeOffset, ticks, volume, priceVolume, priceSum);
        }

        private static int compare(long ts, int partition, long offset, long otherTs, int otherPartition, long otherOffset) {
            int byTime = Long.compare(ts, otherTs);
            if (byTime != 0) {
                return byTime;
            }
            int byPartition = Integer.compare(partition, otherPartition);
            return byPartition != 0 ? byPartition : Long.compare(offset, otherOffset);
        }
    }
}
