package dev.stockstream.visualizer.web;

import dev.stockstream.model.BatchRow;
import dev.stockstream.visualizer.chart.TrendView;
import dev.stockstream.visualizer.hdfs.Batch;
import dev.stockstream.visualizer.hdfs.CandleSnapshot;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The page's form (a plain GET of {@code /}, so it works without JavaScript): the trend's view and
 * symbols, the candlestick chart's symbol, each with what the page shows selected; and the URL of
 * the page's live updates, which carries the same choice.
 */
@TemplateData
public record PageControls(List<Option> views, List<Option> trendSymbols, List<Option> candleSymbols, String events) {

    @TemplateData
    public record Option(String value, String label, boolean selected) {
    }

    static PageControls of(PageChoice choice, HistorySnapshot batches, CandleSnapshot candles) {
        List<Option> views = Stream.concat(Stream.of(new Option("", "auto", choice.trend().view().isEmpty())),
                Stream.of(TrendView.values()).map(view -> new Option(view.param(), view.param(),
                        choice.trend().view().equals(Optional.of(view))))).toList();
        List<Option> trendSymbols = batches.batches().stream().flatMap(batch -> batch.rows().stream())
                .map(BatchRow::symbol).distinct().sorted()
                .map(symbol -> new Option(symbol, symbol, choice.trend().symbols().contains(symbol))).toList();
        Optional<String> shown = CandleViewFactory.shown(candles, choice.symbol());
        Optional<String> mostTraded = candles.mostTraded();
        List<Option> candleSymbols = candles.symbols().stream().sorted()
                .map(symbol -> new Option(symbol, symbol + (mostTraded.equals(Optional.of(symbol)) ? " (most traded)" : ""),
                        shown.equals(Optional.of(symbol)))).toList();
        String events = "/events?shown=" + batches.latest().map(Batch::id).orElse(-1L) + "&candles=" + candles.batchId()
                + (choice.query().isEmpty() ? "" : "&" + choice.query());
        return new PageControls(views, trendSymbols, candleSymbols, events);
    }
}
