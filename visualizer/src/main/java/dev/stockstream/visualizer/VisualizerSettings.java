package dev.stockstream.visualizer;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.net.URI;
import java.time.Duration;

/**
 * The visualizer's settings, validated once at start-up: a bad value fails the start with
 * one line naming the environment variable and its property.
 *
 * @param outputRoot      where the streaming job writes ({@code STOCK_OUTPUT_ROOT}), {@code hdfs://} or {@code file:}
 * @param trendBatches    batches drawn in the trend chart ({@code VISUALIZER_TREND_BATCHES})
 * @param pollInterval    how often the one shared poller reads the latest-batch pointer
 * @param maxMissing      missing or unreadable batch ids skipped before the look-back stops
 * @param cacheBatches    committed batches kept in memory (they never change)
 * @param chartSymbols    symbols drawn per chart (the most traded ones); the table lists all
 * @param hdfsTimeout     connect and RPC timeout towards HDFS, so an outage is reported fast
 */
public record VisualizerSettings(URI outputRoot, int trendBatches, Duration pollInterval, int maxMissing,
                                 int cacheBatches, int chartSymbols, Duration hdfsTimeout) {

    /** The largest N a request may ask for (trend chart, {@code ?last=N}). */
    public static final int MAX_BATCHES = 100;

    public VisualizerSettings {
        outputRoot = checkRoot(outputRoot);
        checkRange("VISUALIZER_TREND_BATCHES", trendBatches, 1, MAX_BATCHES);
        checkDuration("VISUALIZER_POLL_INTERVAL", pollInterval, Duration.ofMillis(50), Duration.ofMinutes(1));
        checkRange("VISUALIZER_MAX_MISSING_BATCHES", maxMissing, 0, 1000);
        checkRange("VISUALIZER_CACHE_BATCHES", cacheBatches, MAX_BATCHES, 100_000);
        checkRange("VISUALIZER_CHART_SYMBOLS", chartSymbols, 1, 200);
        checkDuration("VISUALIZER_HDFS_TIMEOUT", hdfsTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
    }

    private static URI checkRoot(URI root) {
        if (root == null || root.getScheme() == null
                || !(root.getScheme().equals("hdfs") || root.getScheme().equals("file"))) {
            throw new ConfigurationException(describe("STOCK_OUTPUT_ROOT")
                    + " must be an hdfs:// or file: URI, got " + root);
        }
        String text = root.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : root;
    }

    private static void checkRange(String envVar, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigurationException(
                    describe(envVar) + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void checkDuration(String envVar, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new ConfigurationException(
                    describe(envVar) + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** {@code VISUALIZER_TREND_BATCHES (visualizer.trend.batches)}. */
    static String describe(String envVar) {
        return envVar + " (" + envVar.toLowerCase().replace('_', '.') + ")";
    }
}
