package dev.stockstream.visualizer.chart;

import dev.stockstream.model.BatchRow;
import dev.stockstream.visualizer.hdfs.Batch;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The line chart: each symbol's average price over the last N batches, x = batch time (UTC),
 * either as it is or, in the relative view, as the change in % since the symbol's first batch shown.
 */
final class PriceTrendChart {

    private PriceTrendChart() {
    }

    /** One series per symbol; one point per batch that traded it. Batches come newest first. */
    static XYSeriesCollection dataset(List<Batch> newestFirst, List<String> symbols, TrendView view) {
        Map<String, Double> firstPrices = firstPrices(newestFirst, symbols);
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (String symbol : symbols) {
            XYSeries series = new XYSeries(symbol, true, true);
            for (Batch batch : newestFirst) {
                for (BatchRow row : batch.rows()) {
                    if (row.symbol().equals(symbol)) {
                        series.add(row.batchTime(), view == TrendView.RELATIVE
                                ? (row.avgPrice() / firstPrices.get(symbol) - 1) * 100 : row.avgPrice());
                    }
                }
            }
            dataset.addSeries(series);
        }
        return dataset;
    }

    /** Each symbol's average price in the oldest batch shown that traded it: its level, and the base of its % change. */
    static Map<String, Double> firstPrices(List<Batch> newestFirst, List<String> symbols) {
        Map<String, Double> first = new LinkedHashMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            for (BatchRow row : newestFirst.get(i).rows()) {
                if (symbols.contains(row.symbol())) {
                    first.putIfAbsent(row.symbol(), row.avgPrice());
                }
            }
        }
        return first;
    }

    /** {@code asked} empty: the view follows the symbols' price levels ({@link TrendView#forLevels}). */
    static JFreeChart create(List<Batch> newestFirst, List<String> symbols, Optional<TrendView> asked) {
        Map<String, Double> levels = firstPrices(newestFirst, symbols);
        TrendView view = asked.orElseGet(() -> TrendView.forLevels(levels.values()));
        String batches = newestFirst.size() + (newestFirst.size() == 1 ? " batch" : " batches");
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                view == TrendView.RELATIVE ? "Change in average price over the last " + batches
                        : "Average price over the last " + batches,
                "batch time (UTC)",
                view == TrendView.RELATIVE ? "change since the first batch shown (%)" : "average price (currency of the quotes)",
                dataset(newestFirst, symbols, view), true, false, false);
        ChartStyle.apply(chart);
        chart.addSubtitle(new TextTitle(subtitle(newestFirst), ChartStyle.LABEL));
        chart.addSubtitle(new TextTitle(viewLine(view, asked.isPresent(), TrendView.spread(levels.values())), ChartStyle.LABEL));
        XYPlot plot = chart.getXYPlot();
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        ChartStyle.utc((DateAxis) plot.getDomainAxis(), "HH:mm:ss");
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(false);
        if (view == TrendView.RELATIVE) {
            range.setNumberFormatOverride(new DecimalFormat("+0.##'%';-0.##'%'"));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < symbols.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.colour(i));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
        }
        plot.setRenderer(renderer);
        chart.getLegend().setItemFont(ChartStyle.LABEL);
        return chart;
    }

    /** Which view this is, and why when it was not asked for. */
    static String viewLine(TrendView view, boolean asked, double spread) {
        String what = view == TrendView.RELATIVE
                ? "relative view: % change since each symbol's first batch shown"
                : "absolute view: average prices";
        if (asked) {
            return what + ", as chosen";
        }
        String levels = String.format(Locale.ROOT, "%.1f", spread);
        return what + (view == TrendView.RELATIVE
                ? ", as the price levels differ " + levels + "x (more than " + (int) TrendView.LEVEL_FACTOR + "x)"
                : ", as the price levels are within " + (int) TrendView.LEVEL_FACTOR + "x");
    }

    private static String subtitle(List<Batch> newestFirst) {
        if (newestFirst.isEmpty()) {
            return "no batches";
        }
        List<Long> ids = new ArrayList<>(newestFirst.stream().map(Batch::id).toList());
        long newest = ids.get(0);
        long oldest = ids.get(ids.size() - 1);
        return newest == oldest ? "batch " + newest : "batches " + oldest + " to " + newest;
    }
}
