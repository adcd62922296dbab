package dev.stockstream.visualizer.chart;

import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.Locale;
import java.util.Optional;

/** How the trend chart draws prices: as they are, or as each symbol's change since the first batch shown. */
public enum TrendView {
    ABSOLUTE,
    RELATIVE;

    /** Price levels further apart than this flatten the lower symbols into the bottom strip of a shared price axis. */
    static final double LEVEL_FACTOR = 3;

    /** The view when none is asked for: relative when the highest price level is more than {@link #LEVEL_FACTOR} times the lowest. */
    static TrendView forLevels(Collection<Double> levels) {
        return spread(levels) > LEVEL_FACTOR ? RELATIVE : ABSOLUTE;
    }

    /** The highest level over the lowest; 1 when there are fewer than two positive levels. */
    static double spread(Collection<Double> levels) {
        DoubleSummaryStatistics stats = levels.stream().mapToDouble(Double::doubleValue).filter(level -> level > 0)
                .summaryStatistics();
        return stats.getCount() < 2 ? 1 : stats.getMax() / stats.getMin();
    }

    /** {@code absolute} or {@code relative}, as the {@code view=} parameter says it. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The view a {@code view=} parameter names; empty when blank (the view is then chosen by the price levels). */
    public static Optional<TrendView> ofParam(String param) {
        return param == null || param.isBlank() ? Optional.empty()
                : Optional.of(valueOf(param.trim().toUpperCase(Locale.ROOT)));
    }
}
