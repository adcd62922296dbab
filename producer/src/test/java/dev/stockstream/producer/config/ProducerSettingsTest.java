package dev.stockstream.producer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockstream.producer.source.PriceHistory;
import io.quarkus.runtime.configuration.PathConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings as Quarkus reads them at start: the same mapping, converters and Bean Validation, then the rules. */
class ProducerSettingsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    /** The properties given, over a valid API password (the one setting without a usable default). */
    private static ProducerSettings settings(Map<String, String> given) {
        Map<String, String> properties = new HashMap<>(Map.of("producer.api.password", "a-password-of-16-chars"));
        properties.putAll(given);
        ProducerSettings settings = new SmallRyeConfigBuilder()
                .withMapping(ProducerSettings.class)
                .withConverter(Path.class, 200, new PathConverter())
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(ProducerSettings.class);
        SettingsRules.check(settings);
        return settings;
    }

    @Test
    void theDefaultsAreTheBundledCsvAtTheDocumentedRate() {
        ProducerSettings settings = settings(Map.of());

        assertThat(settings.source()).isEqualTo(SourceKind.CSV);
        assertThat(settings.csvPath()).isEmpty();
        assertThat(settings.rate()).isEqualTo(200);
        assertThat(settings.symbols()).contains(List.of("AAPL", "AMZN", "GOOG", "IBM", "MSFT"));
        assertThat(settings.symbolCount()).isZero();
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.maxInFlight()).isEqualTo(20_000);
    }

    @Test
    void withoutAnApiPasswordTheStartFailsSayingWhatToSet() {
        assertThatThrownBy(() -> new SmallRyeConfigBuilder().withMapping(ProducerSettings.class)
                .withConverter(Path.class, 200, new PathConverter())
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR).build())
                .hasMessageContaining("producer.api.password (PRODUCER_API_PASSWORD) must be set to at least 16 characters");
    }

    @ParameterizedTest(name = "{0}={1} is refused: {2}")
    @CsvSource(delimiter = '|', value = {
        "producer.rate|0|producer.rate (PRODUCER_RATE) must be from 1 to 10000000 ticks/s, got 0.0",
        "producer.rate|-3|producer.rate (PRODUCER_RATE) must be from 1 to 10000000 ticks/s, got -3.0",
        "producer.rate|1e12|PRODUCER_RATE",
        "producer.rate|NaN|PRODUCER_RATE",
        "producer.csv.path|/no/such/file.csv|producer.csv.path (PRODUCER_CSV_PATH) must be a readable file, got /no/such/file.csv",
        "producer.symbols|AAPL,bad sym|producer.symbols (PRODUCER_SYMBOLS) must be symbols, but 'bad sym' is not",
        "producer.symbol.count|-1|producer.symbol.count (PRODUCER_SYMBOL_COUNT) must be between 0 and 100000, got -1",
        "producer.max.in.flight|0|producer.max.in.flight (PRODUCER_MAX_IN_FLIGHT) must be between 1 and 1000000, got 0",
        "producer.api.password|fifteen-chars!!|producer.api.password (PRODUCER_API_PASSWORD) must be set to at least 16 characters",
    })
    void badValuesFailWithOneLineNamingTheSetting(String property, String value, String message) {
        assertThatThrownBy(() -> settings(Map.of(property, value)))
                .satisfies(e -> assertThat(e.getMessage().lines()).anyMatch(line -> line.contains(message)));
    }

    @ParameterizedTest(name = "{0}={1} does not convert")
    @CsvSource(delimiter = '|', value = {
        "producer.source|kafka",
        "producer.rate|fast",
        "producer.seed|x",
        "producer.max.in.flight|many",
    })
    void valuesThatDoNotConvertNameTheSettingAndTheValue(String property, String value) {
        assertThatThrownBy(() -> settings(Map.of(property, value)))
                .hasMessageContaining(property).hasMessageContaining(value);
    }

    @Test
    void theSourceIsReadInEitherCase() {
        assertThat(settings(Map.of("producer.source", "synthetic")).source()).isEqualTo(SourceKind.SYNTHETIC);
        assertThat(settings(Map.of("producer.source", "SYNTHETIC")).source()).isEqualTo(SourceKind.SYNTHETIC);
    }

    @Test
    void symbolsAreTrimmedAndListedOnce() {
        ProducerSettings settings = settings(Map.of("producer.symbols", "IBM, MSFT ,IBM"));

        assertThat(SettingsRules.symbols(settings)).containsExactly("IBM", "MSFT");
    }

    @Test
    void theSyntheticSourceNeedsSymbols() {
        Map<String, String> noSymbols = new HashMap<>(Map.of("producer.source", "synthetic", "producer.symbols", " "));
        assertThatThrownBy(() -> settings(noSymbols))
                .hasMessageContaining("producer.symbols (PRODUCER_SYMBOLS) must list symbols for the synthetic source");

        noSymbols.put("producer.symbol.count", "3");
        assertThat(settings(noSymbols).symbolCount()).isEqualTo(3);
    }

    @Test
    void aMissingOrMalformedCsvFailsNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Path malformed = Files.writeString(dir.resolve("bad.csv"), "symbol,date,price\nAAPL,Jan 1 2000,10\nAAPL,Feb 1 2000,abc\n");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "symbol,date,price\n");
        Path badDate = Files.writeString(dir.resolve("date.csv"), "symbol,date,price\nAAPL,2000-01-01,10\n");

        assertThatThrownBy(() -> PriceHistory.load(Optional.of(malformed)))
                .hasMessageContaining("PRODUCER_CSV_PATH").hasMessageContaining("line 3").hasMessageContaining("'abc'");
        assertThatThrownBy(() -> PriceHistory.load(Optional.of(empty))).hasMessageContaining("no price rows");
        assertThatThrownBy(() -> PriceHistory.load(Optional.of(badDate))).hasMessageContaining("'Jan 1 2000'");
    }
}
