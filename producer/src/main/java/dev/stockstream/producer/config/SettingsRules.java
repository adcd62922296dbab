package dev.stockstream.producer.config;

import dev.stockstream.model.Rejection;
import dev.stockstream.model.TickRules;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The rules on the settings that no constraint annotation says. A broken one is a
 * {@link ConfigurationException}, which Quarkus reports at start as its message alone.
 */
public final class SettingsRules {

    private SettingsRules() {
    }

    /** Throws when a rule is broken, naming the setting. */
    public static void check(ProducerSettings settings) {
        List<String> symbols = symbols(settings);
        for (String symbol : symbols) {
            Rejection bad = TickRules.checkSymbol(symbol);
            if (bad != null) {
                throw invalid("producer.symbols", "must be symbols, but '" + symbol + "' is not: " + bad.detail());
            }
        }
        if (settings.source() == SourceKind.SYNTHETIC && settings.symbolCount() == 0 && symbols.isEmpty()) {
            throw invalid("producer.symbols", "must list symbols for the synthetic source, or set producer.symbol.count > 0");
        }
        Path csv = settings.csvPath().orElse(null);
        if (settings.source() == SourceKind.CSV && csv != null && !Files.isReadable(csv)) {
            throw invalid("producer.csv.path", "must be a readable file, got " + csv.toAbsolutePath());
        }
    }

    /** The listed symbols, without blanks and repeats. */
    public static List<String> symbols(ProducerSettings settings) {
        return settings.symbols().orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** {@code producer.rate (PRODUCER_RATE) <problem>}: the shape of Quarkus' own line for a violated constraint. */
    public static ConfigurationException invalid(String property, String problem) {
        return new ConfigurationException(property + " (" + envName(property) + ") " + problem);
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
