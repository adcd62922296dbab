package dev.stockstream.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.window;

import dev.stockstream.model.CandleProgress;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.store.CandleWriter;
import dev.stockstream.store.OutputConflictException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.OffsetSeqLog;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.util.LongAccumulator;

/**
 * The candle query: event-time OHLC candles per symbol and tumbling window, by Spark's own
 * stateful aggregation ({@code withWatermark}, {@code window}, {@code min_by}/{@code max_by}, the
 * RocksDB state store), in append mode: a candle leaves the state once, when the watermark passes
 * its window's end, and {@link CandleSink} commits it. Reads the same topic as the batch query, with
 * its own checkpoint ({@link OutputLayout#CANDLE_CHECKPOINTS_DIR}).
 */
final class CandleQuery {

    static final String QUERY_NAME = "stock-candles";
    private static final String ROCKSDB = "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";

    private CandleQuery() {
    }

    static StreamingQuery start(JobSettings settings, SparkSession spark) throws IOException, TimeoutException {
        CandleWriter writer = new CandleWriter(settings.outputRoot(), spark.sparkContext().hadoopConfiguration());
        Optional<CandleProgress> committed = writer.recover();
        String checkpoint = settings.resolve(OutputLayout.CANDLE_CHECKPOINTS_DIR);
        if (committed.isPresent() && new OffsetSeqLog(spark, checkpoint + "/offsets").getLatestBatchId().isEmpty()) {
            throw new OutputConflictException(settings.resolve(OutputLayout.CANDLES_DIR) + " holds candle batches up to "
                    + committed.get().batchId() + " but the candle checkpoint " + checkpoint + " has none: a new checkpoint "
                    + "would number candle batches from 0 again, and they would be skipped as written. Restore the "
                    + "checkpoint, or move " + settings.resolve(OutputLayout.CANDLES_DIR)
                    + " away to rebuild the candles from what the topic still holds");
        }
        LongAccumulator lateTicks = spark.sparkContext().longAccumulator("candle late ticks");
        Dataset<Row> partials = StockStreamingJob.kafkaSource(settings, spark).load()
                .select(col("value"), col("partition"), col("offset"), unix_millis(col("timestamp")).as("timestamp_ms"))
                .mapPartitions(new CandlePartials(settings, lateTicks), Encoders.row(CandlePartials.SCHEMA));
        Dataset<Row> candles = candles(partials, settings);
        BatchGate gate = new BatchGate();
        // Fixed by the checkpoint at its first start; the streaming query keeps a copy of the session's settings.
        StreamingQuery query = withSessionSettings(spark, Map.of(
                "spark.sql.streaming.stateStore.providerClass", ROCKSDB,
                "spark.sql.shuffle.partitions", Integer.toString(settings.candlePartitions())), () ->
                candles.writeStream()
                        .queryName(QUERY_NAME)
                        .outputMode(OutputMode.Append())
                        .option("checkpointLocation", checkpoint)
                        .trigger(Trigger.ProcessingTime(settings.candleTriggerInterval().toMillis()))
                        .foreachBatch(new CandleSink(writer, gate, lateTicks, spark))
                        .start());
        BatchGate.register(query, gate);
        return query;
    }

    /**
     * The candles of {@code partials} (rows of {@link CandlePartials#SCHEMA}), one row per symbol and
     * closed window: the partials of every partition and batch merged in Spark's state store.
     */
    static Dataset<Row> candles(Dataset<Row> partials, JobSettings settings) {
        // Earliest and latest by event time; the same millisecond is ordered by partition, then offset.
        Column openOrder = struct(col("open_time"), col("open_partition"), col("open_offset"));
        Column closeOrder = struct(col("close_time"), col("close_partition"), col("close_offset"));
        return partials.withWatermark("event_time", settings.candleLateness().toMillis() + " milliseconds")
                .groupBy(window(col("event_time"), settings.candleInterval().toMillis() + " milliseconds").as("window"),
                        col("symbol"))
                .agg(min_by(col("open"), openOrder).as("open"), max("high").as("high"), min("low").as("low"),
                        max_by(col("close"), closeOrder).as("close"), sum("ticks").as("ticks"), sum("volume").as("volume"),
                        sum("price_volume").as("price_volume"), sum("price_sum").as("price_sum"))
                .select(col("symbol"), unix_millis(col("window.start")).as("window_start"),
                        unix_millis(col("window.end")).as("window_end"), col("open"), col("high"), col("low"),
                        col("close"), col("ticks"), col("volume"),
                        when(col("volume").gt(0), col("price_volume").divide(col("volume")))
                                .otherwise(col("price_sum").divide(col("ticks"))).as("vwap"));
    }

    private interface QueryStart {
        StreamingQuery start() throws TimeoutException;
    }

    private static StreamingQuery withSessionSettings(SparkSession spark, Map<String, String> settings, QueryStart start)
            throws TimeoutException {
        Map<String, Optional<String>> previous = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            previous.put(name, spark.conf().contains(name) ? Optional.of(spark.conf().get(name)) : Optional.empty());
            spark.conf().set(name, value);
        });
        try {
            return start.start();
        } finally {
            previous.forEach((name, value) -> {
                if (value.isPresent()) {
                    spark.conf().set(name, value.get());
                } else {
                    spark.conf().unset(name);
                }
            });
        }
    }
}
