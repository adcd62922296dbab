package dev.stockstream.producer;

/** Builds the tick source the settings ask for. */
final class TickSources {

    private TickSources() {
    }

    static TickSource create(ProducerSettings settings) {
        return switch (settings.source()) {
            case CSV -> new CsvReplaySource(PriceHistory.load(settings.csvPath()), settings.seed());
            case SYNTHETIC -> new SyntheticSource(
                    settings.symbolCount() > 0 ? SyntheticSource.generatedSymbols(settings.symbolCount()) : settings.symbols(),
                    settings.seed());
        };
    }
}
