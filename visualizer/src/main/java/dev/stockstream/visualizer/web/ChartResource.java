package dev.stockstream.visualizer.web;

import dev.stockstream.model.BatchRow;
import dev.stockstream.visualizer.chart.ChartRenderer;
import dev.stockstream.visualizer.chart.TrendChoice;
import dev.stockstream.visualizer.config.VisualizerSettings;
import dev.stockstream.visualizer.hdfs.Batch;
import dev.stockstream.visualizer.hdfs.CandleHistory;
import dev.stockstream.visualizer.hdfs.CandleSnapshot;
import dev.stockstream.visualizer.hdfs.HistoryReader;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The charts as standalone images, for saving or embedding elsewhere. */
@Path("/charts")
@Blocking
public class ChartResource {

    static final String SVG = "image/svg+xml";
    static final String PNG = "image/png";

    @Inject
    HistoryReader history;
    @Inject
    CandleHistory candles;
    @Inject
    ChartRenderer charts;
    @Inject
    VisualizerSettings settings;

    @GET
    @Path("bar.svg")
    @Produces(SVG)
    public Response barSvg() {
        return image(1, SVG, batches -> charts.bar(batches, ChartRenderer.Format.SVG));
    }

    @GET
    @Path("bar.png")
    @Produces(PNG)
    public Response barPng() {
        return image(1, PNG, batches -> charts.bar(batches, ChartRenderer.Format.PNG));
    }

    @GET
    @Path("trend.svg")
    @Produces(SVG)
    public Response trendSvg(@Valid @BeanParam BatchCountParam last, @Valid @BeanParam TrendParams trend) {
        return trend(last, trend, SVG, ChartRenderer.Format.SVG);
    }

    @GET
    @Path("trend.png")
    @Produces(PNG)
    public Response trendPng(@Valid @BeanParam BatchCountParam last, @Valid @BeanParam TrendParams trend) {
        return trend(last, trend, PNG, ChartRenderer.Format.PNG);
    }

    @GET
    @Path("candles.svg")
    @Produces(SVG)
    public Response candlesSvg(@Valid @BeanParam SymbolParam symbol, @Valid @BeanParam CandleCountParam last) {
        return candles(symbol, last, SVG, ChartRenderer.Format.SVG);
    }

    @GET
    @Path("candles.png")
    @Produces(PNG)
    public Response candlesPng(@Valid @BeanParam SymbolParam symbol, @Valid @BeanParam CandleCountParam last) {
        return candles(symbol, last, PNG, ChartRenderer.Format.PNG);
    }

    /** Chosen symbols must be in the batches drawn; more than a chart draws is a 400. */
    private Response trend(BatchCountParam last, TrendParams params, String type, ChartRenderer.Format format) {
        int count = last.orDefault(settings.trendBatches());
        TrendChoice choice = params.choice();
        if (choice.symbols().size() > settings.chartSymbols()) {
            return ErrorResponses.json(Response.Status.BAD_REQUEST, "symbols: at most " + settings.chartSymbols()
                    + " per chart (VISUALIZER_CHART_SYMBOLS), got " + choice.symbols().size());
        }
        return image(count, type, batches -> {
            List<String> known = batches.stream().flatMap(batch -> batch.rows().stream()).map(BatchRow::symbol)
                    .distinct().sorted().toList();
            List<String> unknown = choice.symbols().stream().filter(symbol -> !known.contains(symbol)).toList();
            return unknown.isEmpty() ? charts.trend(batches, choice, format)
                    : ErrorResponses.unknownSymbols(unknown, "the last " + batches.size() + " batches", known);
        });
    }

    /**
     * No candle yet is a chart saying so; a symbol the candles read do not hold is a 404. HDFS
     * unreachable: the last candles read, or a 503 when there are none.
     */
    private Response candles(SymbolParam symbol, CandleCountParam last, String type, ChartRenderer.Format format) {
        int windows = last.orDefault(settings.candlesLast());
        CandleSnapshot current = candles.read(windows);
        Optional<String> asked = symbol.symbol();
        if (current.candles().isEmpty() && (current.state() == HistorySnapshot.State.UNREACHABLE
                || current.state() == HistorySnapshot.State.POINTER_UNREADABLE)) {
            return ErrorResponses.json(Response.Status.SERVICE_UNAVAILABLE, current.problem().orElse("unavailable"));
        }
        if (asked.isPresent() && !current.candles().isEmpty() && !current.has(asked.get())) {
            return ErrorResponses.unknownSymbols(List.of(asked.get()), "the candles of the newest " + windows + " windows",
                    current.symbols());
        }
        Optional<String> shown = asked.or(current::mostTraded);
        return ok(charts.candles(shown, shown.map(current::of).orElse(List.of()), format), type);
    }

    /** {@code render} answers an image, or a Response of its own (an error). */
    private Response image(int count, String type, Function<List<Batch>, Object> render) {
        HistorySnapshot current = history.read(count);
        if (current.batches().isEmpty()) {
            Response.Status status = current.state() == HistorySnapshot.State.WAITING
                    ? Response.Status.NOT_FOUND : Response.Status.SERVICE_UNAVAILABLE;
            return ErrorResponses.json(status, current.problem().orElse("no readable batch yet"));
        }
        Object body = render.apply(current.batches());
        return body instanceof Response error ? error : ok(body, type);
    }

    private static Response ok(Object image, String type) {
        return Response.ok(image, type).header("Cache-Control", "no-store").build();
    }
}
