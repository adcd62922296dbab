package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    @Test
    void withNothingSetTheDefaultsOfTheSettingsTableApply() {
        JobSettings settings = JobSettings.fromEnvironmentAndArgs(Map.of());

        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.topic()).isEqualTo("stockTopic");
        assertThat(settings.outputRoot()).isEqualTo(URI.create("hdfs://localhost:8020/stockstream"));
        assertThat(settings.triggerInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.startingOffsets()).isEqualTo("earliest");
        assertThat(settings.maxOffsetsPerTrigger()).isEqualTo(1_000_000);
        assertThat(settings.directKafkaScan()).isTrue();
        assertThat(settings.failOnDataLoss()).isTrue();
        assertThat(settings.resumeFromOutput()).isFalse();
        assertThat(settings.maxEventAhead()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.maxEventBehind()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.quarantineMaxValueBytes()).isEqualTo(65536);
    }

    @Test
    void everySettingSurvivesTheRoundTripThroughItsNamedValues() {
        JobSettings settings = JobSettings.fromEnvironmentAndArgs(Map.of(), "STOCK_FAIL_ON_DATA_LOSS=false",
                "STOCK_RESUME_FROM_OUTPUT=true", "STOCK_MAX_EVENT_AHEAD=10s", "STOCK_MAX_EVENT_BEHIND=2d",
                "STOCK_QUARANTINE_MAX_VALUE_BYTES=1024", "STOCK_TRIGGER_INTERVAL=750ms");

        assertThat(JobSettings.fromValues(settings.values())).isEqualTo(settings);
        assertThat(settings.with(Map.of("STOCK_TOPIC", "other")).topic()).isEqualTo("other");
        assertThat(settings.maxEventBehind()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void aRetentionShorterThanTheBatchesTheDashboardCanShowIsRefused() {
        assertThatThrownBy(() -> JobSettings.fromEnvironmentAndArgs(Map.of(), "STOCK_TRIGGER_INTERVAL=20m"))
                .hasMessageStartingWith("STOCK_BATCH_RETENTION must be at least 2000m (")
                .hasMessageContaining("got '1d'");
        assertThatThrownBy(() -> JobSettings.fromEnvironmentAndArgs(Map.of(), "STOCK_BATCH_RETENTION=30s"))
                .hasMessageStartingWith("STOCK_BATCH_RETENTION must be at least 500s (");
        assertThat(JobSettings.fromEnvironmentAndArgs(Map.of(), "STOCK_TRIGGER_INTERVAL=20m", "STOCK_BATCH_RETENTION=2000m")
                .batchRetention()).isEqualTo(Duration.ofMinutes(2000));
    }

    @Test
    void theSettingsLeftToTheirDefaultsAreNamed() {
        assertThat(JobSettings.defaulted(Map.of("STOCK_TOPIC", "t", "STOCK_OUTPUT_ROOT", " "), "KAFKA_BOOTSTRAP_SERVERS=k:1"))
                .contains("STOCK_OUTPUT_ROOT", "STOCK_TRIGGER_INTERVAL")
                .doesNotContain("STOCK_TOPIC", "KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void environmentVariablesAreReadAndArgumentsOverrideThem() {
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-0.kafka:9092,kafka-1.kafka:9092",
                "STOCK_TOPIC", "fromEnv",
                "STOCK_OUTPUT_ROOT", "hdfs://namenode:8020/stock/",
                "STOCK_TRIGGER_INTERVAL", "500ms",
                "STOCK_MAX_OFFSETS_PER_TRIGGER", "5000",
                "UNRELATED", "ignored");

        JobSettings settings = JobSettings.fromEnvironmentAndArgs(env, "STOCK_TOPIC=fromArgs",
                "STOCK_STARTING_OFFSETS=latest", "STOCK_TRIGGER_INTERVAL=2min");

        assertThat(settings.bootstrapServers()).isEqualTo("kafka-0.kafka:9092,kafka-1.kafka:9092");
        assertThat(settings.topic()).isEqualTo("fromArgs");
        assertThat(settings.outputRoot()).isEqualTo(URI.create("hdfs://namenode:8020/stock"));
        assertThat(settings.triggerInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.startingOffsets()).isEqualTo("latest");
        assertThat(settings.maxOffsetsPerTrigger()).isEqualTo(5000);
        assertThat(settings.resolve("checkpoints")).isEqualTo("hdfs://namenode:8020/stock/checkpoints");
    }

    @Test
    void eachBadValueFailsWithOneLineNamingItsSetting() {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "localhost"),
                Map.entry("STOCK_TOPIC", "no spaces allowed"),
                Map.entry("STOCK_OUTPUT_ROOT", "relative/path"),
                Map.entry("STOCK_TRIGGER_INTERVAL", "soon"),
                Map.entry("STOCK_STARTING_OFFSETS", "yesterday"),
                Map.entry("STOCK_MAX_OFFSETS_PER_TRIGGER", "0"),
                Map.entry("STOCK_DIRECT_KAFKA_SCAN", "sometimes"),
                Map.entry("STOCK_FAIL_ON_DATA_LOSS", "yes"),
                Map.entry("STOCK_MAX_EVENT_AHEAD", "0s"),
                Map.entry("STOCK_MAX_EVENT_BEHIND", "later"),
                Map.entry("STOCK_QUARANTINE_MAX_VALUE_BYTES", "99999999999"),
                Map.entry("STOCK_CANDLE_TRIGGER_INTERVAL", "-1s"));
        bad.forEach((name, value) -> assertThatThrownBy(() -> JobSettings.fromEnvironmentAndArgs(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " ")
                .hasMessageContaining("'" + value + "'")
                .hasMessageNotContaining("\n"));
    }

    @Test
    void anArgumentThatIsNotAKnownSettingIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> JobSettings.fromEnvironmentAndArgs(Map.of(), "STOCK_TOPICS=x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STOCK_TOPICS=x")
                .hasMessageContaining("STOCK_TOPIC");
        assertThatThrownBy(() -> JobSettings.fromEnvironmentAndArgs(Map.of(), "--help"))
                .hasMessageContaining("--help");
    }

    @Test
    void intervalsAreReadWithSparksOwnTimeNotation() {
        Map<String, Duration> intervals = Map.of("0s", Duration.ZERO, "500ms", Duration.ofMillis(500), "5s",
                Duration.ofSeconds(5), "1m", Duration.ofMinutes(1), "1min", Duration.ofMinutes(1), " 2H ",
                Duration.ofHours(2), "250", Duration.ofMillis(250));
        intervals.forEach((text, expected) -> assertThat(
                JobSettings.fromEnvironmentAndArgs(Map.of(), "STOCK_TRIGGER_INTERVAL=" + text, "STOCK_BATCH_RETENTION=30d")
                        .triggerInterval())
                .as(text).isEqualTo(expected));
        assertThat(JobSettings.fromEnvironmentAndArgs(Map.of(), "STOCK_DIRECT_KAFKA_SCAN=false").directKafkaScan()).isFalse();
        assertThatThrownBy(() -> JobSettings.fromEnvironmentAndArgs(Map.of(), "STOCK_TRIGGER_INTERVAL=-5s"))
                .hasMessageStartingWith("STOCK_TRIGGER_INTERVAL ");
    }

    @Test
    void theExposedNamesAndDefaultsAreExactlyTheSparkAppRowsOfTheSettingsDocument() throws Exception {
        Path doc = Path.of("..", "docs", "SETTINGS.md");
        Matcher rows = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| `[^`]*` \\| `([^`]*)` \\|[^|]*spark-app[^|]*\\|\\s*$")
                .matcher(Files.readString(doc));
        Map<String, String> documented = new java.util.LinkedHashMap<>();
        while (rows.find()) {
            documented.put(rows.group(1), rows.group(2));
        }

        assertThat(JobSettings.NAMES).containsExactlyInAnyOrderElementsOf(documented.keySet());
        assertThat(JobSettings.DEFAULTS).isEqualTo(documented);
        assertThat(JobSettings.USAGE).contains(JobSettings.NAMES);
    }
}
