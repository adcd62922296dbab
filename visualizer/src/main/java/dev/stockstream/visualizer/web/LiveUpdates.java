package dev.stockstream.visualizer.web;

import dev.stockstream.visualizer.config.VisualizerSettings;
import dev.stockstream.visualizer.hdfs.Batch;
import dev.stockstream.visualizer.hdfs.CandleHistory;
import dev.stockstream.visualizer.hdfs.CandleSnapshot;
import dev.stockstream.visualizer.hdfs.HistoryReader;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One poller for all browsers: reads the latest-batch pointer and the candle pointer every poll
 * interval and, when the dashboard changed (a new batch, HDFS lost or back), renders the live
 * fragment, or when the candles changed (the candle query committed), the candle section, once per
 * choice that open pages made (see {@link PageChoice}), and pushes it to those pages as a server-sent event.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How soon a browser reconnects after the stream broke (a restarted pod, a dropped port-forward). */
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    /** A fragment as last rendered, and the newest batch (or candle batch) it shows (-1: none). */
    private record Fragment(String html, long batchId) {
    }

    /** What makes two reads show the same dashboard. */
    private record Version(HistorySnapshot.State state, List<Long> batchIds, List<Long> skipped, Optional<String> problem) {
        static Version of(HistorySnapshot history) {
            return new Version(history.state(), history.batchIds(), history.skipped(), history.problem());
        }
    }

    /** What makes two reads show the same candle section: each candle commit moves the pointer (watermark, late ticks). */
    private record CandleVersion(HistorySnapshot.State state, long candleBatchId, Optional<String> problem) {
        static CandleVersion of(CandleSnapshot candles) {
            return new CandleVersion(candles.state(), candles.batchId(), candles.problem());
        }
    }

    /** The open pages that made the same choice: each change is rendered once for them and broadcast. */
    private static final class Audience {
        final SseBroadcaster broadcaster;
        /** Changed only inside {@code audiences.compute}, so a page never joins an audience being dropped. */
        int pages;
        /** What was last sent; guarded by the LiveUpdates monitor. */
        Fragment dashboard;
        Fragment candles;

        Audience(SseBroadcaster broadcaster) {
            this.broadcaster = broadcaster;
        }
    }

    @Inject
    HistoryReader history;
    @Inject
    CandleHistory candleHistory;
    @Inject
    DashboardViewFactory views;
    @Inject
    CandleViewFactory candleViews;
    @Inject
    VisualizerSettings settings;
    @Inject
    MeterRegistry registry;

    private final AtomicInteger clients = new AtomicInteger();
    /** 1 while the poller's last read reached HDFS, else 0. */
    private final AtomicInteger hdfsReachable = new AtomicInteger(1);
    /** The gauges on this bean's fields, removed with it. */
    private List<Gauge> gauges = List.of();
    /**
     * Never locked by the LiveUpdates monitor when the broadcaster calls back on a closed stream
     * (it does so holding its own lock, which a broadcast under the monitor takes too).
     */
    private final Map<PageChoice, Audience> audiences = new ConcurrentHashMap<>();
    private volatile Sse sse;
    /* The poller's last reads and what they showed; guarded by the monitor. */
    private HistorySnapshot batches;
    private CandleSnapshot candles;
    private Version shown;
    private CandleVersion candlesShown;
    private volatile Instant lastPoll = Instant.now();
    private volatile Instant lastHeartbeat = Instant.now();

    void start(@Observes StartupEvent event) {
        gauges = List.of(
                Gauge.builder("visualizer.sse.clients", clients, AtomicInteger::get).strongReference(true)
                        .description("browsers following the dashboard's event stream").register(registry),
                Gauge.builder("visualizer.hdfs.reachable", hdfsReachable, AtomicInteger::get).strongReference(true)
                        .description("1 while the poller's last read reached HDFS, 0 while it is unreachable").register(registry));
    }

    void stop(@Observes ShutdownEvent event) {
        audiences.values().forEach(audience -> audience.broadcaster.close());
        // a registry that outlives this app (tests restart apps in one JVM) would keep reading this one's fields
        gauges.forEach(registry::remove);
    }

    /** When the poller last finished a read, for the liveness check. */
    public Instant lastPoll() {
        return lastPoll;
    }

    /**
     * Registers a page for updates. {@code pageBatchId} and {@code pageCandleBatchId} are the newest
     * batch and candle batch the page already shows (-1: none): what is in hand is sent at once only
     * when it is not older, since the page may have been rendered from a newer read than the poller's last one.
     */
    public synchronized void subscribe(SseEventSink sink, Sse sse, PageChoice choice, long pageBatchId, long pageCandleBatchId) {
        if (this.sse == null) {
            this.sse = sse;
        }
        Audience audience = audiences.compute(choice, (key, joined) -> {
            Audience target = joined == null ? newAudience(key, sse) : joined;
            target.pages++;
            return target;
        });
        clients.incrementAndGet();
        // registered first, so a stream that is already gone leaves through the broadcaster's close like any other
        audience.broadcaster.register(sink);
        if (batches != null) {
            if (audience.dashboard == null) {
                audience.dashboard = dashboard(choice);
                audience.candles = candles(choice);
            }
            if (audience.dashboard.batchId() >= pageBatchId) {
                sink.send(dashboardEvent(audience.dashboard));
            }
            if (audience.candles.batchId() >= pageCandleBatchId) {
                sink.send(candlesEvent(audience.candles));
            }
        }
    }

    private Audience newAudience(PageChoice choice, Sse sse) {
        SseBroadcaster broadcaster = sse.newBroadcaster();
        Audience audience = new Audience(broadcaster);
        broadcaster.onClose(closed -> {
            clients.decrementAndGet();
            audiences.computeIfPresent(choice, (key, joined) -> joined == audience && --joined.pages == 0 ? null : joined);
        });
        broadcaster.onError((closed, error) -> LOG.debugf("live update not delivered: %s", error.getMessage()));
        return audience;
    }

    /** The one shared poller; a poll still running when the next is due (HDFS slow) is not doubled. */
    @Scheduled(identity = "batch-pointer-poller", every = "${visualizer.poll.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        HistorySnapshot batchRead = history.read(settings.trendBatches());
        CandleSnapshot candleRead = candleHistory.read(settings.candlesLast());
        lastPoll = Instant.now();
        publish(batchRead, candleRead);
    }

    private synchronized void publish(HistorySnapshot batchRead, CandleSnapshot candleRead) {
        Version version = Version.of(batchRead);
        CandleVersion candleVersion = CandleVersion.of(candleRead);
        boolean batchesChanged = !version.equals(shown);
        boolean candlesChanged = !candleVersion.equals(candlesShown);
        if (batchesChanged && shown != null && shown.state() != batchRead.state()) {
            LOG.infof("dashboard state %s -> %s%s", shown.state(), batchRead.state(),
                    batchRead.problem().map(p -> ": " + p).orElse(""));
        }
        if (candlesChanged && candlesShown != null && candlesShown.state() != candleRead.state()) {
            LOG.infof("candles state %s -> %s%s", candlesShown.state(), candleRead.state(),
                    candleRead.problem().map(p -> ": " + p).orElse(""));
        }
        hdfsReachable.set(batchRead.state() == HistorySnapshot.State.UNREACHABLE ? 0 : 1);
        batches = batchRead;
        candles = candleRead;
        shown = version;
        candlesShown = candleVersion;
        for (Map.Entry<PageChoice, Audience> entry : audiences.entrySet()) {
            Audience audience = entry.getValue();
            if (batchesChanged || audience.dashboard == null) {
                audience.dashboard = dashboard(entry.getKey());
                broadcast(audience, dashboardEvent(audience.dashboard));
            }
            if (candlesChanged || audience.candles == null) {
                audience.candles = candles(entry.getKey());
                broadcast(audience, candlesEvent(audience.candles));
            }
        }
        if (!batchesChanged && !candlesChanged && Duration.between(lastHeartbeat, lastPoll).compareTo(HEARTBEAT) > 0
                && sse != null) {
            // keeps proxies and port-forwards from closing an idle stream
            OutboundSseEvent heartbeat = sse.newEventBuilder().comment("heartbeat").build();
            audiences.values().forEach(audience -> broadcast(audience, heartbeat));
            lastHeartbeat = lastPoll;
        }
    }

    /**
     * RESTEasy's broadcaster throws when a stream turns out closed in the middle of a broadcast, after
     * dropping it and skipping the stream after it; each such throw drops one stream, so sending again
     * reaches every stream left (a page sent an event twice shows the same fragment again).
     */
    private static void broadcast(Audience audience, OutboundSseEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                audience.broadcaster.broadcast(event);
                return;
            } catch (RuntimeException e) {
                LOG.debugf("a live-update stream closed during a broadcast (attempt %d): %s", attempt, e);
                if (attempt >= 100) {
                    return;
                }
            }
        }
    }

    private Fragment dashboard(PageChoice choice) {
        return new Fragment(DashboardResource.liveFragment(views.of(batches, choice.trend())),
                batches.latest().map(Batch::id).orElse(-1L));
    }

    private Fragment candles(PageChoice choice) {
        return new Fragment(DashboardResource.candleFragment(candleViews.of(candles, choice.symbol())), candles.batchId());
    }

    /** A dashboard event; its id lets a reconnecting browser say what it has (Last-Event-ID). */
    private OutboundSseEvent dashboardEvent(Fragment fragment) {
        return sse.newEventBuilder().name("dashboard").id(Long.toString(fragment.batchId()))
                .reconnectDelay(RECONNECT_DELAY.toMillis()).data(fragment.html()).build();
    }

    /** A candles event has no id, so that the browser's last event id stays a batch id. */
    private OutboundSseEvent candlesEvent(Fragment fragment) {
        return sse.newEventBuilder().name("candles").reconnectDelay(RECONNECT_DELAY.toMillis()).data(fragment.html()).build();
    }
}
