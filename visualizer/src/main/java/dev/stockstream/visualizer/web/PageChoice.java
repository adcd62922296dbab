package dev.stockstream.visualizer.web;

import dev.stockstream.visualizer.chart.TrendChoice;
import dev.stockstream.visualizer.chart.TrendView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one dashboard page chose to see: the trend's view and symbols, and the candlestick chart's
 * symbol (empty: the most traded). Open pages that chose the same share each live rendering.
 */
public record PageChoice(TrendChoice trend, Optional<String> symbol) {

    public static final PageChoice DEFAULT = new PageChoice(TrendChoice.DEFAULT, Optional.empty());

    static PageChoice of(TrendParams trend, SymbolParam symbol) {
        return new PageChoice(trend.choice(), symbol.symbol());
    }

    /** The choice as query parameters ({@code view=relative&symbols=A,B&symbol=X}), empty for the defaults. */
    String query() {
        List<String> parameters = new ArrayList<>();
        trend.view().map(TrendView::param).ifPresent(view -> parameters.add("view=" + view));
        if (!trend.symbols().isEmpty()) {
            parameters.add("symbols=" + encode(String.join(",", trend.symbols())));
        }
        symbol.ifPresent(s -> parameters.add("symbol=" + encode(s)));
        return String.join("&", parameters);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
