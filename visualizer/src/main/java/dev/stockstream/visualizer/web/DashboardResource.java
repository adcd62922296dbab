package dev.stockstream.visualizer.web;

import dev.stockstream.visualizer.config.VisualizerSettings;
import dev.stockstream.visualizer.hdfs.HistoryReader;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
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
        static native TemplateInstance dashboard(DashboardView view, int trendBatches);

        static native TemplateInstance dashboard$live(DashboardView view);
    }

    @Inject
    HistoryReader history;
    @Inject
    DashboardViewFactory views;
    @Inject
    VisualizerSettings settings;
    @Inject
    LiveUpdates liveUpdates;
    @Inject
    MeterRegistry registry;

    /** Reads the pointer on every request, so a page is never older than HDFS; batches come from the cache. */
    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        Timer.Sample sample = Timer.start(registry);
        try {
            HistorySnapshot current = history.read(settings.trendBatches());
            return Templates.dashboard(views.of(current), settings.trendBatches()).render();
        } finally {
            sample.stop(registry.timer("visualizer.page.render", "view", "dashboard"));
        }
    }

    /**
     * Server-sent events named {@code dashboard}, each the page's live fragment rendered on the server,
     * with the newest batch id it shows as event id; {@code shown} is the newest batch id the page
     * already shows, and a reconnecting browser's {@code Last-Event-ID} the newest it was sent, so it
     * is never sent an older view.
     */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse, @QueryParam("shown") @DefaultValue("-1") long shown,
                       @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) @DefaultValue("-1") long lastEventId) {
        liveUpdates.subscribe(sink, sse, Math.max(shown, lastEventId));
    }

    static String liveFragment(DashboardView view) {
        return Templates.dashboard$live(view).render();
    }
}
