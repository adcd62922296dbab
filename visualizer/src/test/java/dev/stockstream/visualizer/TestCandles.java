package dev.stockstream.visualizer;

import dev.stockstream.model.Candle;
import dev.stockstream.model.CandleProgress;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.store.CandleWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Test candles, committed as the job commits them: Snappy Parquet written with parquet-hadoop's own
 * writer in the schema Spark writes ({@link Candle#COLUMNS}), one file per day under a working
 * directory, then renamed into {@code candles/day=.../part-<batch>.parquet} and the pointer moved by
 * the job's {@link CandleWriter}. Corrupt parts, which no writer makes, are written straight.
 */
public final class TestCandles {

    /** The file schema of the job's candle parts. */
    public static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message spark_schema {
              optional binary symbol (UTF8);
              optional int64 window_start;
              optional int64 window_end;
              optional double open;
              optional double high;
              optional double low;
              optional double close;
              optional int64 ticks;
              optional int64 volume;
              optional double vwap;
              optional int64 batch_id;
            }""");

    private TestCandles() {
    }

    /** One candle of {@code interval} ms from {@code start}; the VWAP is the middle of open and close. */
    public static Candle candle(String symbol, long start, long interval, double open, double high, double low, double close,
                                long ticks, long volume, long batchId) {
        return new Candle(symbol, start, start + interval, open, high, low, close, ticks, volume, (open + close) / 2, batchId);
    }

    /** One candle per symbol for each of {@code windows} windows from {@code start}; prices climb by 1 a window from each base. */
    public static List<Candle> windows(long start, long interval, int windows, long batchId, Object... symbolsAndBases) {
        List<Candle> candles = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            for (int i = 0; i < symbolsAndBases.length; i += 2) {
                double base = ((Number) symbolsAndBases[i + 1]).doubleValue() + w;
                candles.add(candle((String) symbolsAndBases[i], start + w * interval, interval,
                        base, base + 2, base - 1, base + 1, 10 + i, 100L * (w + 1), batchId));
            }
        }
        return candles;
    }

    /**
     * Commits candle batch {@code progress.batchId()} holding {@code candles} (none: a batch that closed
     * no window) with the job's writer: parts first, then the pointer.
     */
    public static void commit(URI root, Configuration conf, CandleProgress progress, List<Candle> candles) {
        try {
            CandleWriter writer = new CandleWriter(root, conf);
            String temp = null;
            if (!candles.isEmpty()) {
                temp = writer.newTempDir(progress.batchId());
                for (Map.Entry<LocalDate, List<Candle>> day : byDay(candles).entrySet()) {
                    write(new Path(temp + "/" + OutputLayout.CANDLE_DAY_PREFIX + day.getKey() + "/part-00000.snappy.parquet"),
                            conf, day.getValue());
                }
            }
            writer.commit(progress, temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits {@code candles} as candle batch {@code batchId}, with a watermark at the end of the newest window. */
    public static void commit(URI root, Configuration conf, long batchId, List<Candle> candles, long lateTicks, long lateTicksTotal) {
        long watermark = candles.stream().mapToLong(Candle::windowEnd).max().orElse(0);
        commit(root, conf, new CandleProgress(batchId, watermark, candles.size(), lateTicks, lateTicksTotal), candles);
    }

    /** A file under the root with {@code content}, written straight (a corrupt part, a broken pointer). */
    public static void writeFile(FileSystem fs, URI root, String relative, byte[] content) {
        try (OutputStream out = fs.create(new Path(root + "/" + relative), true)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path of the part candle batch {@code batchId} wrote for {@code day}, relative to the root. */
    public static String partPath(LocalDate day, long batchId) {
        return OutputLayout.candleDayDir(day) + "/" + OutputLayout.candlePartName(batchId);
    }

    public static LocalDate day(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static Map<LocalDate, List<Candle>> byDay(List<Candle> candles) {
        Map<LocalDate, List<Candle>> days = new TreeMap<>();
        for (Candle candle : candles) {
            days.computeIfAbsent(day(candle.windowStart()), d -> new ArrayList<>()).add(candle);
        }
        return days;
    }

    private static void write(Path file, Configuration conf, List<Candle> candles) throws IOException {
        SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file).withConf(conf).withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (Candle c : candles) {
                writer.write(rows.newGroup().append("symbol", c.symbol()).append("window_start", c.windowStart())
                        .append("window_end", c.windowEnd()).append("open", c.open()).append("high", c.high())
                        .append("low", c.low()).append("close", c.close()).append("ticks", c.ticks())
                        .append("volume", c.volume()).append("vwap", c.vwap()).append("batch_id", c.batchId()));
            }
        }
    }
}
