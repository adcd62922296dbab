package dev.stockstream.producer.source;

import dev.stockstream.producer.config.ProducerSettings;
import dev.stockstream.producer.config.SettingsRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the tick source the settings ask for, once their rules are checked. */
@ApplicationScoped
public class TickSourceFactory {

    @Produces
    @Singleton
    TickSource tickSource(ProducerSettings settings) {
        SettingsRules.check(settings);
        return switch (settings.source()) {
            case CSV -> new CsvReplaySource(PriceHistory.load(settings.csvPath()), settings.seed());
            case SYNTHETIC -> new SyntheticSource(settings.symbolCount() > 0
                    ? SyntheticSource.generatedSymbols(settings.symbolCount())
                    : SettingsRules.symbols(settings), settings.seed());
        };
    }
}
