package dev.stockstream.visualizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VisualizerSettingsTest {

    private static VisualizerSettings withTrend(int trendBatches) {
        return new VisualizerSettings(URI.create("hdfs://namenode:8020/stockstream"), trendBatches,
                Duration.ofSeconds(1), 10, 512, 20, Duration.ofSeconds(3));
    }

    @Test
    void trendBatchesOutside1To100FailTheStartNamingTheSetting() {
        assertThat(withTrend(1).trendBatches()).isEqualTo(1);
        assertThat(withTrend(100).trendBatches()).isEqualTo(100);
        assertThatThrownBy(() -> withTrend(0)).hasMessage(
                "VISUALIZER_TREND_BATCHES (visualizer.trend.batches) must be between 1 and 100, got 0");
        assertThatThrownBy(() -> withTrend(101)).hasMessageStartingWith("VISUALIZER_TREND_BATCHES");
    }

    @Test
    void theOutputRootMustBeAnHdfsOrFileUri() {
        assertThat(new VisualizerSettings(URI.create("file:/data/out/"), 5, Duration.ofSeconds(1), 10, 512, 20,
                Duration.ofSeconds(3)).outputRoot()).isEqualTo(URI.create("file:/data/out"));
        assertThatThrownBy(() -> new VisualizerSettings(URI.create("s3://bucket/out"), 5, Duration.ofSeconds(1),
                10, 512, 20, Duration.ofSeconds(3)))
                .hasMessage("STOCK_OUTPUT_ROOT (stock.output.root) must be an hdfs:// or file: URI, got s3://bucket/out");
        assertThatThrownBy(() -> SettingsProducer.uri("STOCK_OUTPUT_ROOT", "hdfs://bad host"))
                .hasMessageStartingWith("STOCK_OUTPUT_ROOT (stock.output.root) is not a URI");
    }

    @Test
    void numbersAndDurationsThatDoNotParseNameTheSetting() {
        assertThatThrownBy(() -> SettingsProducer.integer("VISUALIZER_TREND_BATCHES", "five"))
                .hasMessage("VISUALIZER_TREND_BATCHES (visualizer.trend.batches) must be a whole number, got 'five'");
        assertThatThrownBy(() -> SettingsProducer.duration("VISUALIZER_POLL_INTERVAL", "soon"))
                .hasMessageStartingWith("VISUALIZER_POLL_INTERVAL (visualizer.poll.interval) must be a duration");
        assertThat(SettingsProducer.duration("X", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SettingsProducer.duration("X", "2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(SettingsProducer.duration("X", "1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(SettingsProducer.duration("X", "PT3S")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aPollIntervalTooShortAndACacheSmallerThanOneRequestAreRefused() {
        assertThatThrownBy(() -> new VisualizerSettings(URI.create("file:/x"), 5, Duration.ofMillis(1), 10, 512, 20,
                Duration.ofSeconds(3))).hasMessageStartingWith("VISUALIZER_POLL_INTERVAL");
        assertThatThrownBy(() -> new VisualizerSettings(URI.create("file:/x"), 5, Duration.ofSeconds(1), 10, 50, 20,
                Duration.ofSeconds(3))).hasMessageStartingWith("VISUALIZER_CACHE_BATCHES");
    }
}
