package dev.stockstream.visualizer.web;

import dev.stockstream.visualizer.config.VisualizerSettings;
import dev.stockstream.visualizer.hdfs.CandleHistory;
import dev.stockstream.visualizer.hdfs.CandleSnapshot;
import dev.stockstream.visualizer.hdfs.HistoryReader;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** The dashboard page and its live-update stream. */
@Path("/")
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView view, CandleView candles, PageControls controls,
                                                 int trendBatches);

        static native TemplateInstance dashboard$live(DashboardView view);

        static native TemplateInstance dashboard$candles(CandleView candles);
    }

    @Inject
    HistoryReader history;
    @Inject
    CandleHistory candles;
    @Inject
    DashboardViewFactory views;
    @Inject
    CandleViewFactory candleViews;
    @Inject
    VisualizerSettings settings;
    @Inject
    LiveUpdates liveUpdates;
    @Inject
    MeterRegistry registry;

    /**
     * Reads both pointers on every request, so a page is never older than HDFS; batches and candle parts
     * come from the caches. {@code view}, {@code symbols} and {@code symbol} are the page's choice, kept
     * by its live updates.
     */
    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public String page(@Valid @BeanParam TrendParams trend, @Valid @BeanParam SymbolParam symbol) {
        Timer.Sample sample = Timer.start(registry);
        try {
            PageChoice choice = PageChoice.of(trend, symbol);
            HistorySnapshot batches = history.read(settings.trendBatches());
            CandleSnapshot candleRead = candles.read(settings.candlesLast());
            return Templates.dashboard(views.of(batches, choice.trend()), candleViews.of(candleRead, choice.symbol()),
                    PageControls.of(choice, batches, candleRead), settings.trendBatches()).render();
        } finally {
            sample.stop(registry.timer("visualizer.page.render", "view", "dashboard"));
        }
    }

    /**
     * Server-sent events named {@code dashboard}, each the page's live fragment rendered on the server,
     * with the newest batch id it shows as event id; {@code shown} is the newest batch id the page
     * already shows, and a reconnecting browser's {@code Last-Event-ID} the newest it was sent, so it
     * is never sent an older view. Events named {@code candles} carry the candle section, without an
     * id (so {@code Last-Event-ID} stays a batch id); {@code candles} is the candle batch the page shows.
     * {@code view}, {@code symbols} and {@code symbol} are the page's choice, as on the page.
     */
    @GET
    @Path("events")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse, @QueryParam("shown") @DefaultValue("-1") long shown,
                       @QueryParam("candles") @DefaultValue("-1") long candlesShown,
                       @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) @DefaultValue("-1") long lastEventId,
                       @Valid @BeanParam TrendParams trend, @Valid @BeanParam SymbolParam symbol) {
        liveUpdates.subscribe(sink, sse, PageChoice.of(trend, symbol), Math.max(shown, lastEventId), candlesShown);
    }

    static String liveFragment(DashboardView view) {
        return Templates.dashboard$live(view).render();
    }

    static String candleFragment(CandleView candles) {
        return Templates.dashboard$candles(candles).render();
    }
}
