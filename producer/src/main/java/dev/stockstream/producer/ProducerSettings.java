package dev.stockstream.producer;

import dev.stockstream.model.Rejection;
import dev.stockstream.model.TickRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The producer's settings, read once at start and validated with a message naming the setting.
 *
 * @param csvPath empty for the data set bundled in the jar
 */
public record ProducerSettings(SourceKind source, double rate, Optional<Path> csvPath, List<String> symbols,
                               int symbolCount, long seed, int maxInFlight) {

    public static final double MAX_RATE = 10_000_000;
    public static final String RATE_RANGE = "from 1 to " + (long) MAX_RATE + " ticks/s";
    public static final int MAX_SYMBOL_COUNT = 100_000;

    /** Reads the settings from raw property values (null when unset). */
    public static ProducerSettings parse(Function<String, String> properties) {
        SourceKind source = parseSource(properties.apply("producer.source"));
        double rate = parseRate("producer.rate", properties.apply("producer.rate"));
        Optional<Path> csvPath = parseCsvPath(source, properties.apply("producer.csv.path"));
        List<String> symbols = parseSymbols(properties.apply("producer.symbols"));
        int symbolCount = (int) parseLong("producer.symbol.count", properties.apply("producer.symbol.count"), 0, MAX_SYMBOL_COUNT, 0);
        if (source == SourceKind.SYNTHETIC && symbolCount == 0 && symbols.isEmpty()) {
            throw new InvalidSettingException("producer.symbols", "the synthetic source needs symbols: give a list or producer.symbol.count > 0");
        }
        long seed = parseLong("producer.seed", properties.apply("producer.seed"), Long.MIN_VALUE, Long.MAX_VALUE, 42);
        int maxInFlight = (int) parseLong("producer.max.in.flight", properties.apply("producer.max.in.flight"), 1, 1_000_000, 20_000);
        return new ProducerSettings(source, rate, csvPath, symbols, symbolCount, seed, maxInFlight);
    }

    private static double parseRate(String property, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidSettingException(property, "a rate in ticks/s is required");
        }
        double rate;
        try {
            rate = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(property, "must be a number of ticks/s, got '" + raw + "'");
        }
        checkRate(property, rate);
        return rate;
    }

    public static void checkRate(String property, double rate) {
        if (!isValidRate(rate)) {
            throw new InvalidSettingException(property, "must be " + RATE_RANGE + ", got " + rate);
        }
    }

    public static boolean isValidRate(double rate) {
        return rate >= 1 && rate <= MAX_RATE;
    }

    private static SourceKind parseSource(String raw) {
        String value = raw == null || raw.isBlank() ? "csv" : raw.trim();
        try {
            return SourceKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("producer.source", "must be csv or synthetic, got '" + raw + "'");
        }
    }

    private static Optional<Path> parseCsvPath(SourceKind source, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(raw.trim());
        if (source == SourceKind.CSV && !Files.isReadable(path)) {
            throw new InvalidSettingException("producer.csv.path", "no readable file at " + path.toAbsolutePath());
        }
        return Optional.of(path);
    }

    private static List<String> parseSymbols(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> symbols = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        for (String symbol : symbols) {
            Rejection bad = TickRules.checkSymbol(symbol);
            if (bad != null) {
                throw new InvalidSettingException("producer.symbols", "'" + symbol + "' is not a symbol: " + bad.detail());
            }
        }
        return symbols;
    }

    private static long parseLong(String property, String raw, long min, long max, long defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(property, "must be an integer, got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new InvalidSettingException(property, "must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
