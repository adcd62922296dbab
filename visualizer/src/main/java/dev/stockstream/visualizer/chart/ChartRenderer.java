package dev.stockstream.visualizer.chart;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stockstream.visualizer.config.VisualizerSettings;
import dev.stockstream.visualizer.hdfs.Batch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * The two charts of the dashboard in every format. A chart depends only on the batches it
 * draws, which never change, so each rendering is kept by the ids it shows.
 */
@ApplicationScoped
public class ChartRenderer {

    public enum Kind { BAR, TREND }

    public enum Format { INLINE_SVG, SVG, PNG }

    private record Key(Kind kind, Format format, List<Long> batchIds) {
    }

    private final Cache<Key, Object> rendered = Caffeine.newBuilder().maximumSize(64).build();
    private final VisualizerSettings settings;
    private final MeterRegistry registry;

    @Inject
    public ChartRenderer(VisualizerSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    /** The bar chart of the newest batch; requires at least one batch. */
    public Object bar(List<Batch> newestFirst, Format format) {
        List<Batch> last = newestFirst.subList(0, 1);
        return render(Kind.BAR, format, last, () -> PriceBarChart.create(last.get(0), settings.chartSymbols()));
    }

    public Object trend(List<Batch> newestFirst, Format format) {
        return render(Kind.TREND, format, newestFirst, () -> PriceTrendChart.create(newestFirst, settings.chartSymbols()));
    }

    private Object render(Kind kind, Format format, List<Batch> batches, Supplier<JFreeChart> chart) {
        Key key = new Key(kind, format, batches.stream().map(Batch::id).toList());
        return rendered.get(key, k -> timer(kind, format).record(() -> draw(kind, format, chart.get())));
    }

    private static Object draw(Kind kind, Format format, JFreeChart chart) {
        String id = kind.name().toLowerCase() + "-chart";
        return switch (format) {
            case INLINE_SVG -> ChartEncoder.inlineSvg(chart, id);
            case SVG -> ChartEncoder.svgDocument(chart, id);
            case PNG -> ChartEncoder.png(chart);
        };
    }

    private Timer timer(Kind kind, Format format) {
        return Timer.builder("visualizer.chart.render")
                .description("time to draw one chart")
                .tag("chart", kind.name().toLowerCase())
                .tag("format", format.name().toLowerCase())
                .register(registry);
    }
}
