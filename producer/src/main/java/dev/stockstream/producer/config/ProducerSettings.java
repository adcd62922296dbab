package dev.stockstream.producer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;

/**
 * The producer's settings, checked by Bean Validation at start: a bad value fails the start
 * naming the property and its environment variable. The rules no annotation can say are
 * {@link SettingsRules}'.
 */
@ConfigMapping(prefix = "producer")
public interface ProducerSettings {

    long MAX_RATE = 10_000_000;
    String RATE_RANGE = "from 1 to " + MAX_RATE + " ticks/s";
    String BETWEEN = " must be between {min} and {max}, got ${validatedValue}";

    @WithName("source")
    @WithDefault("csv")
    SourceKind source();

    /** Ticks per second; can be changed while running ({@code PUT /producer/rate}). */
    @WithName("rate")
    @WithDefault("200")
    @Range(min = 1, max = MAX_RATE, message = "(PRODUCER_RATE) must be " + RATE_RANGE + ", got ${validatedValue}")
    double rate();

    /** The CSV replayed by the csv source; empty for the data set bundled in the jar. */
    @WithName("csv.path")
    Optional<Path> csvPath();

    /** The synthetic source's symbols, unless {@link #symbolCount()} generates them. */
    @WithName("symbols")
    @WithDefault("AAPL,AMZN,GOOG,IBM,MSFT")
    Optional<List<String>> symbols();

    /** More than 0: the synthetic source emits {@code SYN1..SYNn} instead of {@link #symbols()}. */
    @WithName("symbol.count")
    @WithDefault("0")
    @Range(min = 0, max = 100_000, message = "(PRODUCER_SYMBOL_COUNT)" + BETWEEN)
    int symbolCount();

    @WithName("seed")
    @WithDefault("42")
    long seed();

    /**
     * The password of the API user {@value #API_USER}, which the write endpoints ({@code PUT /producer/rate},
     * {@code POST /producer/pause}, {@code POST /producer/resume}) require by HTTP basic auth.
     */
    @WithName("api.password")
    // not a password: too short on purpose, so that an unset password stops the start with the @Size line
    @WithDefault("unset")
    @Size(min = 16, message = "(PRODUCER_API_PASSWORD) must be set to at least {min} characters: the password of the write endpoints (user " + API_USER + ")")
    String apiPassword();

    /** The one API user; its password is {@link #apiPassword()}. */
    String API_USER = "operator";

    /** Ticks handed to Kafka and not yet acknowledged: the memory bound when the broker is slow or away. */
    @WithName("max.in.flight")
    @WithDefault("20000")
    @Range(min = 1, max = 1_000_000, message = "(PRODUCER_MAX_IN_FLIGHT)" + BETWEEN)
    int maxInFlight();
}
