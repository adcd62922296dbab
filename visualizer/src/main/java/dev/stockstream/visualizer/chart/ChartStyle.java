package dev.stockstream.visualizer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/** One look for every chart: white background, light grid, a colour-blind-safe palette. */
final class ChartStyle {

    /** Okabe-Ito, then darker tones for the symbols beyond eight. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
        new Color(0x004C78), new Color(0x9A6B00), new Color(0x006B4E), new Color(0x8A4F72),
    };
    static final Color GRID = new Color(0xDDDDDD);
    static final BasicStroke LINE = new BasicStroke(2.0f);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartStyle() {
    }

    static Paint colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
    }
}
