package dev.stockstream.model;

import java.util.List;

/**
 * One symbol's aggregate over one micro-batch: a row of {@code part-00000.csv}.
 *
 * @param batchId   the micro-batch id
 * @param batchTime the latest event time (epoch ms) among the batch's valid ticks; taken from
 *                  the data rather than the clock so a replayed batch writes the same row
 * @param vwap      sum(price * volume) / sum(volume); the plain average when the volume is 0
 */
public record BatchRow(long batchId, long batchTime, String symbol, double avgPrice, double minPrice,
                       double maxPrice, double vwap, long tickCount, long volume) {

    public static final List<String> COLUMNS = List.of(
            "batch_id", "batch_time", "symbol", "avg_price", "min_price", "max_price", "vwap", "tick_count", "volume");
    public static final String CSV_HEADER = String.join(",", COLUMNS);

    /** The row as a CSV line without the newline; a valid symbol never needs quoting. */
    public String toCsvLine() {
        return batchId + "," + batchTime + "," + symbol + "," + avgPrice + "," + minPrice + ","
                + maxPrice + "," + vwap + "," + tickCount + "," + volume;
    }

    /** Parses a data line; throws IllegalArgumentException naming what is wrong. */
    public static BatchRow parseCsvLine(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS.size()) {
            throw new IllegalArgumentException(
                    "expected " + COLUMNS.size() + " columns, got " + cells.length + ": " + TickRules.abbreviate(line));
        }
        try {
            String symbol = cells[2];
            if (!TickRules.isValidSymbol(symbol)) {
                throw new IllegalArgumentException("bad symbol in batch row: " + TickRules.abbreviate(symbol));
            }
            return new BatchRow(Long.parseLong(cells[0]), Long.parseLong(cells[1]), symbol,
                    Double.parseDouble(cells[3]), Double.parseDouble(cells[4]), Double.parseDouble(cells[5]),
                    Double.parseDouble(cells[6]), Long.parseLong(cells[7]), Long.parseLong(cells[8]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in batch row: " + TickRules.abbreviate(line), e);
        }
    }
}
