package dev.stockstream.visualizer.chart;

import dev.stockstream.model.BatchRow;
import dev.stockstream.visualizer.hdfs.Batch;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The line chart: each symbol's average price over the last N batches, x = batch time (UTC). */
final class PriceTrendChart {

    private PriceTrendChart() {
    }

    /** One series per symbol; one point per batch that traded it. Batches come newest first. */
    static XYSeriesCollection dataset(List<Batch> newestFirst, List<String> symbols) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (String symbol : symbols) {
            XYSeries series = new XYSeries(symbol, true, true);
            for (Batch batch : newestFirst) {
                for (BatchRow row : batch.rows()) {
                    if (row.symbol().equals(symbol)) {
                        series.add(row.batchTime(), row.avgPrice());
                    }
                }
            }
            dataset.addSeries(series);
        }
        return dataset;
    }

    static JFreeChart create(List<Batch> newestFirst, int maxSymbols) {
        List<String> symbols = ChartSymbols.mostTraded(newestFirst, maxSymbols);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                "Average price over the last " + newestFirst.size() + (newestFirst.size() == 1 ? " batch" : " batches"),
                "batch time (UTC)", "average price (currency of the quotes)", dataset(newestFirst, symbols),
                true, false, false);
        ChartStyle.apply(chart);
        chart.addSubtitle(new TextTitle(subtitle(newestFirst), ChartStyle.LABEL));
        XYPlot plot = chart.getXYPlot();
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        DateAxis time = (DateAxis) plot.getDomainAxis();
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat format = new SimpleDateFormat("HH:mm:ss");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(format);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < symbols.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.colour(i));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
        }
        plot.setRenderer(renderer);
        chart.getLegend().setItemFont(ChartStyle.LABEL);
        return chart;
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
