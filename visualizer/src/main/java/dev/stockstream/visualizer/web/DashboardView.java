package dev.stockstream.visualizer.web;

import dev.stockstream.model.BatchRow;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * Everything the dashboard template shows, already formatted. The charts are svg elements
 * drawn by JFreeSVG (which escapes their text); every other value is escaped by Qute.
 */
@TemplateData
public record DashboardView(
        String state,
        String headline,
        String problem,
        boolean hasData,
        long latestBatchId,
        String committedAt,
        long committedAtMillis,
        String age,
        String batchTime,
        long ticks,
        int symbols,
        long volume,
        List<BatchRow> rows,
        List<Long> skipped,
        String hdfs,
        RawString barChart,
        RawString trendChart) {
}
