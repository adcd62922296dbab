package dev.stockstream.visualizer.chart;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stockstream.model.Candle;
import dev.stockstream.visualizer.config.VisualizerSettings;
import dev.stockstream.visualizer.hdfs.Batch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * The charts of the dashboard in every format. A chart depends only on what it draws (batches
 * and candles never change once committed), so each rendering is kept by the batch ids and
 * choices, or the candles, it shows.
 */
@ApplicationScoped
public class ChartRenderer {

    public enum Kind { BAR, TREND, CANDLES }

    public enum Format { INLINE_SVG, SVG, PNG }

    /** {@code shown}: what the chart draws, by value. */
    private record Key(Kind kind, Format format, Object shown) {
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
        return render(new Key(Kind.BAR, format, ids(last)),
                () -> PriceBarChart.create(last.get(0), settings.chartSymbols()));
    }

    /** The trend of these batches, in the view and of the symbols chosen (see {@link ChartSymbols#drawn}). */
    public Object trend(List<Batch> newestFirst, TrendChoice choice, Format format) {
        List<String> symbols = ChartSymbols.drawn(newestFirst, choice.symbols(), settings.chartSymbols());
        return render(new Key(Kind.TREND, format, List.of(ids(newestFirst), choice.view(), symbols)),
                () -> PriceTrendChart.create(newestFirst, symbols, choice.view()));
    }

    /** The candlestick chart of one symbol's candles, oldest first; {@code symbol} empty when there are no candles yet. */
    public Object candles(Optional<String> symbol, List<Candle> candles, Format format) {
        return render(new Key(Kind.CANDLES, format, List.of(symbol, candles)), () -> CandlestickChart.create(symbol, candles));
    }

    private static List<Long> ids(List<Batch> batches) {
        return batches.stream().map(Batch::id).toList();
    }

    private Object render(Key key, Supplier<JFreeChart> chart) {
        return rendered.get(key, k -> timer(key.kind(), key.format()).record(() -> draw(key.kind(), key.format(), chart.get())));
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
