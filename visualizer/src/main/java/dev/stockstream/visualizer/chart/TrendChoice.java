package dev.stockstream.visualizer.chart;

import java.util.List;
import java.util.Optional;

/**
 * What a trend chart is asked to draw: a view (empty: chosen from the price levels, see
 * {@link TrendView#forLevels}) and symbols (empty: the most traded ones), sorted.
 */
public record TrendChoice(Optional<TrendView> view, List<String> symbols) {

    public static final TrendChoice DEFAULT = new TrendChoice(Optional.empty(), List.of());

    public TrendChoice {
        symbols = symbols.stream().distinct().sorted().toList();
    }
}
