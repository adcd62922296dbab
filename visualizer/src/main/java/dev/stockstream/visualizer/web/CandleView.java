package dev.stockstream.visualizer.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;

/**
 * Everything the dashboard's candle section shows, already formatted. The chart is an svg element
 * drawn by JFreeSVG (which escapes its text); every other value is escaped by Qute.
 *
 * @param message  why there is no chart (no candle yet, HDFS unreachable), empty when there is one
 * @param note     what differs from what the page asked (a symbol without candles here), or the outage the candles are from
 */
@TemplateData
public record CandleView(
        boolean hasProgress,
        long candleBatchId,
        String watermark,
        long lateTicks,
        long lateTicksTotal,
        boolean hasCandles,
        String symbol,
        String interval,
        int candles,
        String message,
        String note,
        RawString chart) {
}
