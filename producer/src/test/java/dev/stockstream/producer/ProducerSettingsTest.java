package dev.stockstream.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProducerSettingsTest {

    private static ProducerSettings parse(Map<String, String> values) {
        return ProducerSettings.parse(values::get);
    }

    @Test
    void defaultsAreTheBundledCsvAtTheGivenRate() {
        ProducerSettings settings = parse(Map.of("producer.rate", "200"));

        assertThat(settings.source()).isEqualTo(SourceKind.CSV);
        assertThat(settings.csvPath()).isEmpty();
        assertThat(settings.rate()).isEqualTo(200);
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.maxInFlight()).isEqualTo(20_000);
    }

    @ParameterizedTest(name = "{0}={1} is refused: {2}")
    @CsvSource(delimiter = '|', value = {
        "producer.source|kafka|Invalid setting PRODUCER_SOURCE (producer.source): must be csv or synthetic, got 'kafka'",
        "producer.rate|0|Invalid setting PRODUCER_RATE (producer.rate): must be from 1 to 10000000 ticks/s, got 0.0",
        "producer.rate|-3|PRODUCER_RATE",
        "producer.rate|fast|Invalid setting PRODUCER_RATE (producer.rate): must be a number of ticks/s, got 'fast'",
        "producer.rate|NaN|PRODUCER_RATE",
        "producer.csv.path|/no/such/file.csv|Invalid setting PRODUCER_CSV_PATH (producer.csv.path): no readable file at /no/such/file.csv",
        "producer.symbols|AAPL,bad sym|Invalid setting PRODUCER_SYMBOLS (producer.symbols): 'bad sym' is not a symbol",
        "producer.symbol.count|-1|PRODUCER_SYMBOL_COUNT",
        "producer.seed|x|PRODUCER_SEED",
        "producer.max.in.flight|0|PRODUCER_MAX_IN_FLIGHT",
    })
    void badValuesFailWithOneLineNamingTheSetting(String property, String value, String message) {
        Map<String, String> values = new HashMap<>(Map.of("producer.rate", "200"));
        values.put(property, value);

        assertThatThrownBy(() -> parse(values))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theSyntheticSourceNeedsSymbols() {
        assertThatThrownBy(() -> parse(Map.of("producer.rate", "10", "producer.source", "synthetic", "producer.symbols", " ")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("PRODUCER_SYMBOLS");
        assertThat(parse(Map.of("producer.rate", "10", "producer.source", "SYNTHETIC", "producer.symbol.count", "3")).symbolCount())
                .isEqualTo(3);
    }

    @Test
    void aMissingOrMalformedCsvFailsNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Path malformed = Files.writeString(dir.resolve("bad.csv"), "symbol,date,price\nAAPL,Jan 1 2000,10\nAAPL,Feb 1 2000,abc\n");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "symbol,date,price\n");
        Path badDate = Files.writeString(dir.resolve("date.csv"), "symbol,date,price\nAAPL,2000-01-01,10\n");

        assertThatThrownBy(() -> PriceHistory.load(java.util.Optional.of(malformed)))
                .hasMessageContaining("PRODUCER_CSV_PATH").hasMessageContaining("line 3").hasMessageContaining("'abc'");
        assertThatThrownBy(() -> PriceHistory.load(java.util.Optional.of(empty))).hasMessageContaining("no price rows");
        assertThatThrownBy(() -> PriceHistory.load(java.util.Optional.of(badDate))).hasMessageContaining("'Jan 1 2000'");
    }
}
