package dev.stockstream.visualizer.web;

import dev.stockstream.visualizer.chart.ChartRenderer;
import dev.stockstream.visualizer.chart.TimeFormats;
import dev.stockstream.visualizer.chart.TrendChoice;
import dev.stockstream.visualizer.hdfs.Batch;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Turns one read of the history, and the trend a page chose, into the dashboard's view model. */
@ApplicationScoped
public class DashboardViewFactory {

    private final ChartRenderer charts;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public DashboardViewFactory(ChartRenderer charts) {
        this.charts = charts;
    }

    /** The view with the default trend. */
    public DashboardView of(HistorySnapshot history) {
        return of(history, TrendChoice.DEFAULT);
    }

    public DashboardView of(HistorySnapshot history, TrendChoice trend) {
        String hdfs = switch (history.state()) {
            case UNREACHABLE -> "unreachable";
            case POINTER_UNREADABLE -> "reachable, pointer unreadable";
            default -> "reachable";
        };
        String problem = history.problem().orElse("");
        if (history.batches().isEmpty()) {
            String headline = switch (history.state()) {
                case UNREACHABLE -> "HDFS unreachable";
                case POINTER_UNREADABLE -> "The latest-batch pointer is unreadable";
                default -> "Waiting for the first batch";
            };
            return new DashboardView(history.state().name(), headline, problem, false, -1, "", 0, "", "", 0, 0, 0,
                    List.of(), history.skipped(), hdfs, new RawString(""), new RawString(""));
        }
        Batch latest = history.batches().get(0);
        String headline = switch (history.state()) {
            case UNREACHABLE -> "HDFS unreachable: showing the last batches read";
            case POINTER_UNREADABLE -> "The latest-batch pointer is unreadable: showing the last batches read";
            default -> "Live";
        };
        return new DashboardView(history.state().name(), headline, problem, true, latest.id(),
                TimeFormats.time(latest.committedAt()), latest.committedAt().toEpochMilli(),
                TimeFormats.age(Duration.between(latest.committedAt(), clock.instant())),
                latest.batchTime().isPresent() ? TimeFormats.time(latest.batchTime().getAsLong()) + " UTC" : "no valid ticks",
                latest.ticks(), latest.symbols(), latest.volume(), latest.rows(), history.skipped(), hdfs,
                new RawString((String) charts.bar(history.batches(), ChartRenderer.Format.INLINE_SVG)),
                new RawString((String) charts.trend(history.batches(), trend, ChartRenderer.Format.INLINE_SVG)));
    }
}
