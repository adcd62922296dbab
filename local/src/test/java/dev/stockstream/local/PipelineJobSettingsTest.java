package dev.stockstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockstream.spark.JobSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineJobSettingsTest {

    private static final LocalConfig CONFIG = new LocalConfig(Path.of(".local-data"), Path.of("."), false, "stockTopic",
            "csv", 200, 0, "5s", 5, 9092, 8020, 8081, 8080, 4040);

    @Test
    void theJobTakesTheRunnersSettingsAndTheRestFromTheShell() {
        JobSettings settings = Pipeline.jobSettings(CONFIG, Map.of(
                JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER, "1234",
                JobSettings.STOCK_STARTING_OFFSETS, "latest",
                JobSettings.STOCK_TOPIC, "shell-topic",
                JobSettings.STOCK_TRIGGER_INTERVAL, "1m"));

        assertThat(settings.maxOffsetsPerTrigger()).isEqualTo(1234);
        assertThat(settings.startingOffsets()).isEqualTo("latest");
        assertThat(settings.topic()).as("--topic is the runner's").isEqualTo("stockTopic");
        assertThat(settings.triggerInterval()).as("--trigger is the runner's").isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.outputRoot()).hasToString("hdfs://localhost:8020/stockstream");
    }

    @Test
    void theRunnerRunsTheCandleQueryUnlessTheShellTurnsItOff() {
        assertThat(Pipeline.jobSettings(CONFIG, Map.of()).candlesEnabled()).isTrue();
        assertThat(Pipeline.jobSettings(CONFIG, Map.of(JobSettings.STOCK_CANDLES_ENABLED, "false")).candlesEnabled()).isFalse();
        assertThat(Pipeline.jobSettings(CONFIG, Map.of(JobSettings.STOCK_CANDLE_INTERVAL, "5m")).candleInterval())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aBadValueInTheShellIsRejectedByItsName() {
        assertThatThrownBy(() -> Pipeline.jobSettings(CONFIG, Map.of(JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER, "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER);
    }
}
