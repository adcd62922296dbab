package dev.stockstream.model;

import java.util.List;

/**
 * One symbol's event-time candle: the ticks whose {@code ts} falls in {@code [windowStart, windowEnd)},
 * written once, when the watermark passes the window's end. A row of the candle files
 * ({@link OutputLayout#candleDayDir}), whose Parquet columns are {@link #COLUMNS}.
 *
 * @param open    the price of the earliest tick by event time; ties by Kafka partition, then offset
 * @param close   the price of the latest tick by the same order
 * @param vwap    sum(price * volume) / sum(volume); the plain average when the volume is 0
 * @param batchId the candle query's micro-batch that closed the window and wrote it
 */
public record Candle(String symbol, long windowStart, long windowEnd, double open, double high, double low,
                     double close, long ticks, long volume, double vwap, long batchId) {

    public static final List<String> COLUMNS = List.of("symbol", "window_start", "window_end", "open", "high", "low",
            "close", "ticks", "volume", "vwap", "batch_id");
}
