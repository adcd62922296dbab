package dev.stockstream.visualizer.web;

import dev.stockstream.visualizer.chart.ChartRenderer;
import dev.stockstream.visualizer.config.VisualizerSettings;
import dev.stockstream.visualizer.hdfs.Batch;
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
    public Response trendSvg(@Valid @BeanParam BatchCountParam last) {
        int count = last.orDefault(settings.trendBatches());
        return image(count, SVG, batches -> charts.trend(batches, ChartRenderer.Format.SVG));
    }

    @GET
    @Path("trend.png")
    @Produces(PNG)
    public Response trendPng(@Valid @BeanParam BatchCountParam last) {
        int count = last.orDefault(settings.trendBatches());
        return image(count, PNG, batches -> charts.trend(batches, ChartRenderer.Format.PNG));
    }

    private Response image(int count, String type, Function<List<Batch>, Object> render) {
        HistorySnapshot current = history.read(count);
        if (current.batches().isEmpty()) {
            Response.Status status = current.state() == HistorySnapshot.State.WAITING
                    ? Response.Status.NOT_FOUND : Response.Status.SERVICE_UNAVAILABLE;
            return ErrorResponses.json(status, current.problem().orElse("no readable batch yet"));
        }
        return Response.ok(render.apply(current.batches()), type).header("Cache-Control", "no-store").build();
    }
}
