package dev.stockstream.visualizer.chart;

import dev.stockstream.model.BatchRow;
import dev.stockstream.visualizer.hdfs.Batch;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which symbols a chart draws when there are more than fit: the most traded ones, by volume. */
final class ChartSymbols {

    private ChartSymbols() {
    }

    /**
     * The symbols a trend chart draws: the ones chosen that these batches hold, else (none chosen, or
     * none of them left in the batches) the most traded.
     */
    static List<String> drawn(List<Batch> batches, List<String> chosen, int max) {
        List<String> present = chosen.stream()
                .filter(symbol -> batches.stream().anyMatch(batch -> batch.rows().stream()
                        .anyMatch(row -> row.symbol().equals(symbol))))
                .sorted().limit(max).toList();
        return present.isEmpty() ? mostTraded(batches, max) : present;
    }

    /** Up to {@code max} symbols of these batches, by total volume then name, returned in name order. */
    static List<String> mostTraded(List<Batch> batches, int max) {
        Map<String, Long> volumeBySymbol = batches.stream()
                .flatMap(batch -> batch.rows().stream())
                .collect(Collectors.groupingBy(BatchRow::symbol, Collectors.summingLong(BatchRow::volume)));
        return volumeBySymbol.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .map(Map.Entry::getKey)
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
