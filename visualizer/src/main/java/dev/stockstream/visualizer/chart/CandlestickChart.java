package dev.stockstream.visualizer.chart;

import dev.stockstream.model.Candle;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.SimpleTimePeriod;
import org.jfree.data.time.TimePeriodValues;
import org.jfree.data.time.TimePeriodValuesCollection;
import org.jfree.data.time.ohlc.OHLCSeries;
import org.jfree.data.time.ohlc.OHLCSeriesCollection;

/**
 * The candlestick chart: one symbol's event-time candles (open, high, low, close per window) over
 * a panel of their volume, x = the window (UTC). A candle sits in the middle of its window, its
 * volume bar spans it.
 */
final class CandlestickChart {

    static final String NO_CANDLES = "No candles yet: a candle is written once the watermark passes the end of its window";
    /** Of a window, the share a candle body or a volume bar covers. */
    private static final double BODY_SHARE = 0.7;

    private CandlestickChart() {
    }

    /** One series, one item per candle, at the middle of its window. Candles come oldest first. */
    static OHLCSeriesCollection prices(String symbol, List<Candle> candles) {
        OHLCSeries series = new OHLCSeries(symbol);
        for (Candle candle : candles) {
            series.add(new FixedMillisecond(candle.windowStart() + (candle.windowEnd() - candle.windowStart()) / 2),
                    candle.open(), candle.high(), candle.low(), candle.close());
        }
        OHLCSeriesCollection dataset = new OHLCSeriesCollection();
        dataset.addSeries(series);
        return dataset;
    }

    /** One bar per candle, spanning its window. */
    static TimePeriodValuesCollection volumes(String symbol, List<Candle> candles) {
        TimePeriodValues series = new TimePeriodValues(symbol);
        for (Candle candle : candles) {
            series.add(new SimpleTimePeriod(candle.windowStart(), candle.windowEnd()), candle.volume());
        }
        return new TimePeriodValuesCollection(series);
    }

    /** {@code symbol} empty: there are no candles at all yet. */
    static JFreeChart create(Optional<String> symbol, List<Candle> candles) {
        String name = symbol.orElse("");
        long interval = candles.isEmpty() ? 60_000 : candles.get(0).windowEnd() - candles.get(0).windowStart();
        DateAxis time = new DateAxis("window (UTC)");
        ChartStyle.utcTicks(time, timePattern(candles, interval), interval);
        time.setLabelFont(ChartStyle.LABEL);

        NumberAxis priceAxis = new NumberAxis("price");
        priceAxis.setAutoRangeIncludesZero(false);
        CandlestickRenderer bodies = new CandlestickRenderer();
        bodies.setDrawVolume(false);
        bodies.setUpPaint(ChartStyle.UP);
        bodies.setDownPaint(ChartStyle.DOWN);
        bodies.setSeriesPaint(0, ChartStyle.WICK);
        bodies.setAutoWidthMethod(CandlestickRenderer.WIDTHMETHOD_SMALLEST);
        bodies.setMaxCandleWidthInMilliseconds(interval * BODY_SHARE);
        XYPlot pricePlot = new XYPlot(prices(name, candles), null, priceAxis, bodies);
        pricePlot.setNoDataMessage(NO_CANDLES);
        pricePlot.setNoDataMessageFont(ChartStyle.LABEL);

        NumberAxis volumeAxis = new NumberAxis("volume");
        XYBarRenderer bars = new XYBarRenderer(1 - BODY_SHARE);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.colour(0));
        XYPlot volumePlot = new XYPlot(volumes(name, candles), null, volumeAxis, bars);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(10);
        plot.add(pricePlot, 3);
        plot.add(volumePlot, 1);
        for (XYPlot panel : List.of(pricePlot, volumePlot)) {
            panel.setBackgroundPaint(Color.WHITE);
            panel.setOutlineVisible(false);
            panel.setDomainGridlinePaint(ChartStyle.GRID);
            panel.setRangeGridlinePaint(ChartStyle.GRID);
        }
        JFreeChart chart = new JFreeChart(title(symbol, candles, interval), ChartStyle.TITLE, plot, false);
        ChartStyle.apply(chart);
        chart.addSubtitle(new TextTitle(subtitle(candles), ChartStyle.LABEL));
        return chart;
    }

    private static String title(Optional<String> symbol, List<Candle> candles, long interval) {
        if (candles.isEmpty()) {
            return symbol.map(s -> s + " candles").orElse("Candles");
        }
        return symbol.orElse("") + ": the last " + candles.size() + (candles.size() == 1 ? " candle" : " candles")
                + " of " + TimeFormats.interval(interval);
    }

    private static String subtitle(List<Candle> candles) {
        if (candles.isEmpty()) {
            return "no candles yet";
        }
        long ticks = candles.stream().mapToLong(Candle::ticks).sum();
        long volume = candles.stream().mapToLong(Candle::volume).sum();
        return "windows " + TimeFormats.time(candles.get(0).windowStart()) + " to "
                + TimeFormats.time(candles.get(candles.size() - 1).windowEnd()) + " UTC, " + ticks + " ticks, volume " + volume;
    }

    /** Seconds for sub-minute candles, the day once the candles span days, the date alone for daily ones. */
    private static String timePattern(List<Candle> candles, long interval) {
        if (interval >= 86_400_000L) {
            return "yyyy-MM-dd";
        }
        boolean days = !candles.isEmpty()
                && candles.get(candles.size() - 1).windowEnd() - candles.get(0).windowStart() > 86_400_000L;
        String clock = interval < 60_000 ? "HH:mm:ss" : "HH:mm";
        return days ? "MM-dd " + clock : clock;
    }
}
