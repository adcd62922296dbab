package dev.stockstream.producer.source;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.stockstream.model.TickRules;
import dev.stockstream.producer.config.SettingsRules;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Monthly prices per symbol, loaded from a {@code symbol,date,price} CSV such as data/stocks.csv. */
public final class PriceHistory {

    static final String BUNDLED = "data/stocks.csv";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ENGLISH);
    private static final String SETTING = "producer.csv.path";

    private final Map<String, double[]> pricesBySymbol;

    private PriceHistory(Map<String, double[]> pricesBySymbol) {
        this.pricesBySymbol = pricesBySymbol;
    }

    /** Loads the given file, or the bundled data set when empty; bad content names the line. */
    public static PriceHistory load(Optional<Path> csvPath) {
        String origin = csvPath.map(Path::toString).orElse("the bundled " + BUNDLED);
        try (InputStream in = open(csvPath)) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), origin);
        } catch (IOException e) {
            throw invalid("must be a readable file, but " + origin + " is not: " + e.getMessage());
        }
    }

    static PriceHistory parse(Reader csv, String origin) throws IOException {
        record Point(LocalDate date, double price) {
        }
        Map<String, List<Point>> points = new LinkedHashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(schema).readValues(csv)) {
            long line = 1;
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                line++;
                String symbol = row.get("symbol");
                if (symbol == null || row.get("date") == null || row.get("price") == null) {
                    throw bad(origin, line, "expected columns symbol,date,price");
                }
                if (!TickRules.isValidSymbol(symbol)) {
                    throw bad(origin, line, "'" + symbol + "' is not a valid symbol");
                }
                points.computeIfAbsent(symbol, s -> new ArrayList<>())
                        .add(new Point(parseDate(row.get("date"), origin, line), parsePrice(row.get("price"), origin, line)));
            }
        } catch (RuntimeException e) {
            if (e instanceof ConfigurationException) {
                throw e;
            }
            throw invalid("must be a symbol,date,price CSV, but " + origin + " is not: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (points.isEmpty()) {
            throw invalid("must be a symbol,date,price CSV, but " + origin + " has no price rows");
        }
        Map<String, double[]> prices = new LinkedHashMap<>();
        points.forEach((symbol, list) -> prices.put(symbol,
                list.stream().sorted(Comparator.comparing(Point::date)).mapToDouble(Point::price).toArray()));
        return new PriceHistory(prices);
    }

    public List<String> symbols() {
        return List.copyOf(pricesBySymbol.keySet());
    }

    /** The symbol's monthly prices, oldest first. */
    public double[] prices(String symbol) {
        return pricesBySymbol.get(symbol).clone();
    }

    private static InputStream open(Optional<Path> csvPath) throws IOException {
        if (csvPath.isPresent()) {
            return Files.newInputStream(csvPath.get());
        }
        InputStream bundled = PriceHistory.class.getClassLoader().getResourceAsStream(BUNDLED);
        if (bundled == null) {
            throw new IOException(BUNDLED + " is missing from the jar");
        }
        return bundled;
    }

    private static LocalDate parseDate(String raw, String origin, long line) {
        try {
            return LocalDate.parse(raw.trim(), DATE);
        } catch (DateTimeParseException e) {
            throw bad(origin, line, "date '" + raw + "' is not like 'Jan 1 2000'");
        }
    }

    private static double parsePrice(String raw, String origin, long line) {
        try {
            double price = Double.parseDouble(raw.trim());
            if (Double.isFinite(price) && price > 0) {
                return price;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(origin, line, "price '" + raw + "' is not a positive number");
    }

    private static ConfigurationException bad(String origin, long line, String problem) {
        return invalid("must be a symbol,date,price CSV, but " + origin + " line " + line + ": " + problem);
    }

    private static ConfigurationException invalid(String problem) {
        return SettingsRules.invalid(SETTING, problem);
    }
}
