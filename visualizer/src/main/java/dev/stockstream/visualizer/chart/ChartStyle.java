package dev.stockstream.visualizer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.SimpleDateFormat;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
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
    /** Candles that closed above their open (bluish green) and below it (vermillion), the Okabe-Ito pair. */
    static final Color UP = new Color(0x009E73);
    static final Color DOWN = new Color(0xD55E00);
    static final Color WICK = new Color(0x444444);
    static final BasicStroke LINE = new BasicStroke(2.0f);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartStyle() {
    }

    static Paint colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** A time axis that reads in UTC whatever the server's zone, labelled with {@code pattern}. */
    static void utc(DateAxis axis, String pattern) {
        TimeZone utc = TimeZone.getTimeZone("UTC");
        axis.setTimeZone(utc);
        SimpleDateFormat format = new SimpleDateFormat(pattern);
        format.setTimeZone(utc);
        axis.setDateFormatOverride(format);
    }

    /**
     * Like {@link #utc}, with ticks no closer than {@code minimumMillis} (a candle's window), so that a
     * label never repeats: a one-minute candle chart labelled {@code HH:mm} gets no half-minute ticks.
     */
    static void utcTicks(DateAxis axis, String pattern, long minimumMillis) {
        utc(axis, pattern);
        TickUnits units = new TickUnits();
        Object[][] steps = {
            {DateTickUnitType.SECOND, new int[] {1, 2, 5, 10, 15, 30}},
            {DateTickUnitType.MINUTE, new int[] {1, 2, 5, 10, 15, 30}},
            {DateTickUnitType.HOUR, new int[] {1, 2, 3, 6, 12}},
            {DateTickUnitType.DAY, new int[] {1, 2, 7, 14}},
            {DateTickUnitType.MONTH, new int[] {1, 3, 6}},
            {DateTickUnitType.YEAR, new int[] {1, 2, 5, 10}},
        };
        for (Object[] step : steps) {
            for (int multiple : (int[]) step[1]) {
                DateTickUnit unit = new DateTickUnit((DateTickUnitType) step[0], multiple, axis.getDateFormatOverride());
                if (unit.getSize() >= minimumMillis) {
                    units.add(unit);
                }
            }
        }
        axis.setStandardTickUnits(units);
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
