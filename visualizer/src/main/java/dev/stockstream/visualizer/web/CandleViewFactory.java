package dev.stockstream.visualizer.web;

import dev.stockstream.model.Candle;
import dev.stockstream.model.CandleProgress;
import dev.stockstream.visualizer.chart.ChartRenderer;
import dev.stockstream.visualizer.chart.TimeFormats;
import dev.stockstream.visualizer.hdfs.CandleSnapshot;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Turns one read of the candles, and the symbol a page chose, into the candle section's view model. */
@ApplicationScoped
public class CandleViewFactory {

    private final ChartRenderer charts;

    @Inject
    public CandleViewFactory(ChartRenderer charts) {
        this.charts = charts;
    }

    /** The symbol drawn: the one chosen when these candles hold it, else the most traded. */
    static Optional<String> shown(CandleSnapshot candles, Optional<String> chosen) {
        return chosen.filter(candles::has).or(candles::mostTraded);
    }

    public CandleView of(CandleSnapshot candles, Optional<String> chosen) {
        Optional<CandleProgress> progress = candles.progress();
        Optional<String> symbol = shown(candles, chosen);
        String outage = switch (candles.state()) {
            case UNREACHABLE -> "HDFS unreachable: " + (candles.candles().isEmpty() ? "no candles read yet" : "showing the last candles read");
            case POINTER_UNREADABLE -> "The candle pointer is unreadable" + (candles.candles().isEmpty() ? "" : ": showing the last candles read");
            default -> "";
        };
        String note = !outage.isEmpty() ? outage + candles.problem().map(p -> " (" + p + ")").orElse("")
                : chosen.isPresent() && symbol.isPresent() && !chosen.equals(symbol)
                ? "No candles of " + chosen.get() + " in the newest windows: showing " + symbol.get() + ", the most traded" : "";
        String watermark = progress.map(p -> p.watermarkMs() > 0 ? TimeFormats.time(p.watermarkMs()) + " UTC" : "none yet").orElse("–");
        if (symbol.isEmpty()) {
            String message = candles.state() == HistorySnapshot.State.WAITING
                    ? "The candle query has not committed under the output root yet. The candlestick chart appears here once it writes its first candle."
                    : progress.isPresent() ? "No candle has closed yet: a candle is written once the watermark passes the end of its window."
                    : "No candles could be read yet.";
            return new CandleView(progress.isPresent(), candles.batchId(), watermark,
                    progress.map(CandleProgress::lateTicks).orElse(0L), progress.map(CandleProgress::lateTicksTotal).orElse(0L),
                    false, "", "", 0, message, note, new RawString(""));
        }
        List<Candle> shown = candles.of(symbol.get());
        return new CandleView(progress.isPresent(), candles.batchId(), watermark,
                progress.map(CandleProgress::lateTicks).orElse(0L), progress.map(CandleProgress::lateTicksTotal).orElse(0L),
                true, symbol.get(), TimeFormats.interval(candles.intervalMs().orElse(0)), shown.size(), "", note,
                new RawString((String) charts.candles(symbol, shown, ChartRenderer.Format.INLINE_SVG)));
    }
}
