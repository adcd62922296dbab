package dev.stockstream.visualizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as Quarkus reads them at start: the same mappings, converters and Bean Validation. */
class VisualizerSettingsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(VisualizerSettings.class)
                .withMapping(OutputSettings.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
    }

    private static VisualizerSettings settings(String property, String value) {
        return config(Map.of(property, value)).getConfigMapping(VisualizerSettings.class);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        SmallRyeConfig config = config(Map.of());
        VisualizerSettings settings = config.getConfigMapping(VisualizerSettings.class);
        assertThat(settings.trendBatches()).isEqualTo(5);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.maxMissing()).isEqualTo(10);
        assertThat(settings.cacheBatches()).isEqualTo(512);
        assertThat(settings.chartSymbols()).isEqualTo(20);
        assertThat(settings.hdfsTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.candlesLast()).isEqualTo(60);
        assertThat(settings.cacheCandles()).isEqualTo(100_000);
        assertThat(config.getConfigMapping(OutputSettings.class).outputRoot())
                .isEqualTo(URI.create("hdfs://localhost:8020/stockstream"));
    }

    @Test
    void trendBatchesOutside1To100FailTheStartNamingTheSetting() {
        assertThat(settings("visualizer.trend.batches", "1").trendBatches()).isEqualTo(1);
        assertThat(settings("visualizer.trend.batches", "100").trendBatches()).isEqualTo(100);
        assertThatThrownBy(() -> settings("visualizer.trend.batches", "0")).hasMessageContaining(
                "visualizer.trend.batches (VISUALIZER_TREND_BATCHES) must be between 1 and 100, got 0");
        assertThatThrownBy(() -> settings("visualizer.trend.batches", "101"))
                .hasMessageContaining("(VISUALIZER_TREND_BATCHES) must be between 1 and 100, got 101");
    }

    @Test
    void candleWindowsOutside1To500AndACandleCacheSmallerThanOneRequestFailTheStartNamingTheSetting() {
        assertThat(settings("visualizer.candles.last", "500").candlesLast()).isEqualTo(500);
        assertThatThrownBy(() -> settings("visualizer.candles.last", "0")).hasMessageContaining(
                "visualizer.candles.last (VISUALIZER_CANDLES_LAST) must be between 1 and 500, got 0");
        assertThatThrownBy(() -> settings("visualizer.candles.last", "501"))
                .hasMessageContaining("(VISUALIZER_CANDLES_LAST) must be between 1 and 500, got 501");
        assertThat(settings("visualizer.cache.candles", "500").cacheCandles()).isEqualTo(500);
        assertThatThrownBy(() -> settings("visualizer.cache.candles", "499")).hasMessageContaining(
                "visualizer.cache.candles (VISUALIZER_CACHE_CANDLES) must be between 500 and 10000000, got 499");
    }

    @Test
    void theOutputRootMustBeAnHdfsOrFileUri() {
        assertThat(OutputRoot.checked(URI.create("file:/data/out/"))).isEqualTo(URI.create("file:/data/out"));
        assertThatThrownBy(() -> OutputRoot.checked(URI.create("s3://bucket/out")))
                .hasMessage("STOCK_OUTPUT_ROOT (stock.output.root) must be an hdfs:// or file: URI, got s3://bucket/out");
        assertThatThrownBy(() -> config(Map.of("stock.output.root", "hdfs://bad host"))
                .getConfigMapping(OutputSettings.class))
                .hasMessageContaining("stock.output.root").hasMessageContaining("hdfs://bad host");
    }

    @Test
    void numbersAndDurationsThatDoNotParseNameTheSetting() {
        assertThatThrownBy(() -> settings("visualizer.trend.batches", "five"))
                .hasMessageContaining("visualizer.trend.batches").hasMessageContaining("five");
        assertThatThrownBy(() -> settings("visualizer.poll.interval", "soon"))
                .hasMessageContaining("visualizer.poll.interval").hasMessageContaining("soon");
        assertThat(settings("visualizer.poll.interval", "500ms").pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings("visualizer.poll.interval", "2s").pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings("visualizer.poll.interval", "1m").pollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings("visualizer.poll.interval", "PT3S").pollInterval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aPollIntervalTooShortAndACacheSmallerThanOneRequestAreRefused() {
        assertThatThrownBy(() -> settings("visualizer.poll.interval", "1ms"))
                .hasMessageContaining("visualizer.poll.interval (VISUALIZER_POLL_INTERVAL) must be between 50ms and 1m");
        assertThatThrownBy(() -> settings("visualizer.hdfs.timeout", "6m"))
                .hasMessageContaining("visualizer.hdfs.timeout (VISUALIZER_HDFS_TIMEOUT) must be between 100ms and 5m");
        assertThatThrownBy(() -> settings("visualizer.cache.batches", "50"))
                .hasMessageContaining("visualizer.cache.batches (VISUALIZER_CACHE_BATCHES) must be between 100 and 100000");
    }
}
