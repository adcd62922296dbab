package dev.stockstream.spark;

import dev.stockstream.model.CandleProgress;
import dev.stockstream.store.CandleWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.IncrementalExecution;
import org.apache.spark.sql.execution.streaming.StreamExecution;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The candle query's {@code foreachBatch} sink: runs the batch once (its few candles come to the
 * driver), counts the late ticks, writes the candles as Parquet by day through Spark and commits
 * them with the {@link CandleWriter}, unless this batch id is committed already (a replay: the
 * batch still runs, so Spark's state store moves on, but writes nothing). Logs one line per batch.
 */
final class CandleSink implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CandleSink.class);

    /** The candle files' columns ({@code Candle.COLUMNS}) and the day they are partitioned by. */
    static final StructType FILE_SCHEMA = new StructType()
            .add("symbol", DataTypes.StringType)
            .add("window_start", DataTypes.LongType)
            .add("window_end", DataTypes.LongType)
            .add("open", DataTypes.DoubleType)
            .add("high", DataTypes.DoubleType)
            .add("low", DataTypes.DoubleType)
            .add("close", DataTypes.DoubleType)
            .add("ticks", DataTypes.LongType)
            .add("volume", DataTypes.LongType)
            .add("vwap", DataTypes.DoubleType)
            .add("batch_id", DataTypes.LongType)
            .add("day", DataTypes.StringType);

    private final transient CandleWriter writer;
    private final transient BatchGate gate;
    private final transient LongAccumulator lateTicks;
    private final transient SparkSession spark;

    CandleSink(CandleWriter writer, BatchGate gate, LongAccumulator lateTicks, SparkSession spark) {
        this.writer = writer;
        this.gate = gate;
        this.lateTicks = lateTicks;
        this.spark = spark;
    }

    @Override
    public void call(Dataset<Row> candles, Long batchId) throws Exception {
        gate.write(batchId, () -> process(candles, batchId));
    }

    private void process(Dataset<Row> candles, long batchId) throws Exception {
        long started = System.nanoTime();
        StreamExecution query = RunningQuery.current(candles.sparkSession(), spark.streams())
                .orElseThrow(() -> new IllegalStateException("candle batch " + batchId + " runs outside its streaming query"));
        IncrementalExecution execution = query.lastExecution();
        long watermark = execution.offsetSeqMetadata().batchWatermarkMs();
        List<Row> closed;
        long late;
        spark.sparkContext().setLocalProperty(CandlePartials.LATE_WATERMARK_PROPERTY,
                Long.toString(execution.watermarkPropagator().getInputWatermarkForLateEvents(batchId, 0L)));
        try {
            lateTicks.reset();
            closed = candles.collectAsList();
            late = lateTicks.value();
        } finally {
            spark.sparkContext().setLocalProperty(CandlePartials.LATE_WATERMARK_PROPERTY, null);
        }
        if (writer.isCommitted(batchId)) {
            LOG.info("candle_batch={} already committed; kept as it is", batchId);
            return;
        }
        String temp = null;
        if (!closed.isEmpty()) {
            temp = writer.newTempDir(batchId);
            // The temp directory is this attempt's own and CandleWriter moves its files into place, so Hadoop's
            // committer need not stage each task's files a second time, nor mark the directory done.
            spark.createDataFrame(fileRows(closed, batchId), FILE_SCHEMA).coalesce(1)
                    .write().option("mapreduce.fileoutputcommitter.algorithm.version", "2")
                    .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
                    .partitionBy("day").parquet(temp);
        }
        long lateBefore = writer.progress().map(CandleProgress::lateTicksTotal).orElse(0L);
        writer.commit(new CandleProgress(batchId, watermark, closed.size(), late, lateBefore + late), temp);
        LOG.info("candle_batch={} candles={} late_ticks={} watermark={} duration_ms={}", batchId, closed.size(), late,
                Instant.ofEpochMilli(watermark), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (late > 0) {
            LOG.warn("candle_batch={}: {} ticks came after their window had closed and count in no candle", batchId, late);
        }
    }

    private static List<Row> fileRows(List<Row> candles, long batchId) {
        List<Row> rows = new ArrayList<>(candles.size());
        for (Row c : candles) {
            long windowStart = c.getLong(1);
            String day = Instant.ofEpochMilli(windowStart).atOffset(ZoneOffset.UTC).toLocalDate().toString();
            rows.add(RowFactory.create(c.getString(0), windowStart, c.getLong(2), c.getDouble(3), c.getDouble(4),
                    c.getDouble(5), c.getDouble(6), c.getLong(7), c.getLong(8), c.getDouble(9), batchId, day));
        }
        return rows;
    }
}
