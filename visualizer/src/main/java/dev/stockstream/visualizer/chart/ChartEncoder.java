package dev.stockstream.visualizer.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart as SVG or PNG. JFreeSVG escapes every text it draws. The standalone SVG
 * is an XML declaration plus the svg element: {@code getSVGDocument()} would add a DOCTYPE
 * pointing at the W3C DTD, which offline or hardened XML parsers refuse.
 */
final class ChartEncoder {

    static final int WIDTH = 760;
    static final int HEIGHT = 420;
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private ChartEncoder() {
    }

    /** An svg element that scales to its container; {@code id} also prefixes its clip-path ids, so two charts can share a page. */
    static String inlineSvg(JFreeChart chart, String id) {
        return draw(chart, id).getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
    }

    static String svgDocument(JFreeChart chart, String id) {
        return XML_DECLARATION + draw(chart, id).getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
    }

    static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static SVGGraphics2D draw(JFreeChart chart, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix(id + "-");
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2;
    }
}
