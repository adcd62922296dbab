package dev.stockstream.visualizer;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the settings from MicroProfile Config (env vars or properties) and validates them at start;
 * Quarkus prints a ConfigurationException as its message alone, one line naming the setting.
 */
@ApplicationScoped
public class SettingsProducer {

    @ConfigProperty(name = "stock.output.root", defaultValue = "hdfs://localhost:8020/stockstream")
    String outputRoot;
    @ConfigProperty(name = "visualizer.trend.batches", defaultValue = "5")
    String trendBatches;
    @ConfigProperty(name = "visualizer.poll.interval", defaultValue = "1s")
    String pollInterval;
    @ConfigProperty(name = "visualizer.max.missing.batches", defaultValue = "10")
    String maxMissing;
    @ConfigProperty(name = "visualizer.cache.batches", defaultValue = "512")
    String cacheBatches;
    @ConfigProperty(name = "visualizer.chart.symbols", defaultValue = "20")
    String chartSymbols;
    @ConfigProperty(name = "visualizer.hdfs.timeout", defaultValue = "3s")
    String hdfsTimeout;

    @Produces
    @Startup
    @Singleton
    VisualizerSettings settings() {
        return new VisualizerSettings(
                uri("STOCK_OUTPUT_ROOT", outputRoot),
                integer("VISUALIZER_TREND_BATCHES", trendBatches),
                duration("VISUALIZER_POLL_INTERVAL", pollInterval),
                integer("VISUALIZER_MAX_MISSING_BATCHES", maxMissing),
                integer("VISUALIZER_CACHE_BATCHES", cacheBatches),
                integer("VISUALIZER_CHART_SYMBOLS", chartSymbols),
                duration("VISUALIZER_HDFS_TIMEOUT", hdfsTimeout));
    }

    static URI uri(String envVar, String value) {
        try {
            return new URI(value.trim());
        } catch (Exception e) {
            throw new ConfigurationException(VisualizerSettings.describe(envVar) + " is not a URI: " + value);
        }
    }

    static int integer(String envVar, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(
                    VisualizerSettings.describe(envVar) + " must be a whole number, got '" + value + "'");
        }
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, or an ISO-8601 duration such as {@code PT2S}. */
    static Duration duration(String envVar, String value) {
        String text = value.trim().toLowerCase();
        try {
            if (text.startsWith("pt")) {
                return Duration.parse(text);
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
        } catch (RuntimeException e) {
            // falls through to the one message below
        }
        throw new ConfigurationException(VisualizerSettings.describe(envVar)
                + " must be a duration such as 500ms, 2s or 1m, got '" + value + "'");
    }
}
