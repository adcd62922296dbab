package dev.stockstream.visualizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The visualizer's own settings, checked by Bean Validation at start: a bad value fails the
 * start naming the property and its environment variable. Durations take {@code 500ms},
 * {@code 2s}, {@code 1m} or ISO-8601 such as {@code PT2S}.
 */
@ConfigMapping(prefix = "visualizer")
public interface VisualizerSettings {

    /** The largest N a request may ask for (trend chart, {@code ?last=N}). */
    int MAX_BATCHES = dev.stockstream.model.OutputLayout.NEWEST_BATCHES_KEPT;
    /** The largest N of the candle chart and API ({@code ?last=N} windows). */
    int MAX_CANDLES = 500;
    String BETWEEN = " must be between {min} and {max}, got ${validatedValue}";

    /** Batches drawn in the trend chart, and the default {@code ?last=}. */
    @WithName("trend.batches")
    @WithDefault("5")
    @Range(min = 1, max = MAX_BATCHES, message = "(VISUALIZER_TREND_BATCHES)" + BETWEEN)
    int trendBatches();

    /** How often the one shared poller reads the latest-batch pointer. */
    @WithName("poll.interval")
    @WithDefault("1s")
    @DurationMin(millis = 50, message = "(VISUALIZER_POLL_INTERVAL) must be between 50ms and 1m, got ${validatedValue}")
    @DurationMax(minutes = 1, message = "(VISUALIZER_POLL_INTERVAL) must be between 50ms and 1m, got ${validatedValue}")
    Duration pollInterval();

    /** Missing or unreadable batch ids skipped before the look-back stops. */
    @WithName("max.missing.batches")
    @WithDefault("10")
    @Range(min = 0, max = 1000, message = "(VISUALIZER_MAX_MISSING_BATCHES)" + BETWEEN)
    int maxMissing();

    /** Committed batches kept in memory (they never change); at least one request's worth. */
    @WithName("cache.batches")
    @WithDefault("512")
    @Range(min = MAX_BATCHES, max = 100_000, message = "(VISUALIZER_CACHE_BATCHES)" + BETWEEN)
    int cacheBatches();

    /** Symbols drawn per chart (the most traded ones); the table lists all. */
    @WithName("chart.symbols")
    @WithDefault("20")
    @Range(min = 1, max = 200, message = "(VISUALIZER_CHART_SYMBOLS)" + BETWEEN)
    int chartSymbols();

    /** Candle windows drawn in the candlestick chart, and the default {@code ?last=} of the candle chart and API. */
    @WithName("candles.last")
    @WithDefault("60")
    @Range(min = 1, max = MAX_CANDLES, message = "(VISUALIZER_CANDLES_LAST)" + BETWEEN)
    int candlesLast();

    /** Candles kept in memory (committed candle parts never change), whole parts; at least one request's worth. */
    @WithName("cache.candles")
    @WithDefault("100000")
    @Range(min = MAX_CANDLES, max = 10_000_000, message = "(VISUALIZER_CACHE_CANDLES)" + BETWEEN)
    int cacheCandles();

    /** Connect and RPC timeout towards HDFS, so an outage is reported fast. */
    @WithName("hdfs.timeout")
    @WithDefault("3s")
    @DurationMin(millis = 100, message = "(VISUALIZER_HDFS_TIMEOUT) must be between 100ms and 5m, got ${validatedValue}")
    @DurationMax(minutes = 5, message = "(VISUALIZER_HDFS_TIMEOUT) must be between 100ms and 5m, got ${validatedValue}")
    Duration hdfsTimeout();
}
