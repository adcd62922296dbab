package dev.stockstream.visualizer.chart;

import dev.stockstream.model.BatchRow;
import dev.stockstream.visualizer.hdfs.Batch;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/** The bar chart: average price per symbol in the last committed micro-batch, value on each bar. */
final class PriceBarChart {

    static final String SERIES = "average price";

    private PriceBarChart() {
    }

    static DefaultCategoryDataset dataset(Batch batch, List<String> symbols) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (BatchRow row : batch.rows()) {
            if (symbols.contains(row.symbol())) {
                dataset.addValue(row.avgPrice(), SERIES, row.symbol());
            }
        }
        return dataset;
    }

    static JFreeChart create(Batch batch, int maxSymbols) {
        List<String> symbols = ChartSymbols.mostTraded(List.of(batch), maxSymbols);
        JFreeChart chart = ChartFactory.createBarChart("Average price per symbol, batch " + batch.id(),
                "symbol", "average price (currency of the quotes)", dataset(batch, symbols),
                PlotOrientation.VERTICAL, false, false, false);
        ChartStyle.apply(chart);
        chart.addSubtitle(new TextTitle(subtitle(batch, symbols.size()), ChartStyle.LABEL));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.colour(0));
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(
                new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.00")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.LABEL);
        return chart;
    }

    private static String subtitle(Batch batch, int drawn) {
        String time = batch.batchTime().isPresent() ? TimeFormats.time(batch.batchTime().getAsLong()) + " UTC" : "no valid ticks";
        String shown = drawn < batch.symbols() ? ", the " + drawn + " most traded of " + batch.symbols() + " symbols" : "";
        return "batch time " + time + ", " + batch.ticks() + " ticks" + shown;
    }
}
