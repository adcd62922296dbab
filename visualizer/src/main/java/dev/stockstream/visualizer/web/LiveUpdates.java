package dev.stockstream.visualizer.web;

import dev.stockstream.visualizer.config.VisualizerSettings;
import dev.stockstream.visualizer.hdfs.Batch;
import dev.stockstream.visualizer.hdfs.HistoryReader;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One poller for all browsers: reads the latest-batch pointer every poll interval and, when
 * the dashboard changed (a new batch, HDFS lost or back), renders the live fragment once and
 * pushes it to every open page as a server-sent event.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How soon a browser reconnects after the stream broke (a restarted pod, a dropped port-forward). */
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    /** The live fragment as last rendered, and the newest batch it shows (-1: none). */
    private record Fragment(String html, long latestBatchId) {
    }

    /** What makes two reads show the same dashboard. */
    private record Version(HistorySnapshot.State state, List<Long> batchIds, List<Long> skipped, Optional<String> problem) {
        static Version of(HistorySnapshot history) {
            return new Version(history.state(), history.batchIds(), history.skipped(), history.problem());
        }
    }

    @Inject
    HistoryReader history;
    @Inject
    DashboardViewFactory views;
    @Inject
    VisualizerSettings settings;
    @Inject
    MeterRegistry registry;

    private final AtomicInteger clients = new AtomicInteger();
    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;
    private volatile Version shown;
    private volatile Fragment fragment;
    private volatile Instant lastPoll = Instant.now();
    private volatile Instant lastHeartbeat = Instant.now();

    void start(@Observes StartupEvent event) {
        registry.gauge("visualizer.sse.clients", clients);
    }

    void stop(@Observes ShutdownEvent event) {
        SseBroadcaster current = broadcaster;
        if (current != null) {
            current.close();
        }
    }

    /** When the poller last finished a read, for the liveness check. */
    public Instant lastPoll() {
        return lastPoll;
    }

    /**
     * Registers a page for updates. {@code pageBatchId} is the newest batch the page already shows
     * (-1: none): the fragment in hand is sent at once only when it is not older, since the page
     * may have been rendered from a newer read than the poller's last one.
     */
    public synchronized void subscribe(SseEventSink sink, Sse sse, long pageBatchId) {
        if (broadcaster == null) {
            this.sse = sse;
            broadcaster = sse.newBroadcaster();
            broadcaster.onClose(closed -> clients.decrementAndGet());
            broadcaster.onError((closed, error) -> LOG.debugf("live update not delivered: %s", error.getMessage()));
        }
        clients.incrementAndGet();
        Fragment current = fragment;
        if (current != null && current.latestBatchId() >= pageBatchId) {
            sink.send(event(current));
        }
        broadcaster.register(sink);
    }

    /** The one shared poller; a poll still running when the next is due (HDFS slow) is not doubled. */
    @Scheduled(identity = "batch-pointer-poller", every = "${visualizer.poll.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        HistorySnapshot current = history.read(settings.trendBatches());
        lastPoll = Instant.now();
        Version version = Version.of(current);
        if (!version.equals(shown)) {
            if (shown != null && shown.state() != current.state()) {
                LOG.infof("dashboard state %s -> %s%s", shown.state(), current.state(),
                        current.problem().map(p -> ": " + p).orElse(""));
            }
            fragment = new Fragment(DashboardResource.liveFragment(views.of(current)),
                    current.latest().map(Batch::id).orElse(-1L));
            shown = version;
            SseBroadcaster target = broadcaster;
            if (target != null) {
                target.broadcast(event(fragment));
            }
        } else if (Duration.between(lastHeartbeat, lastPoll).compareTo(HEARTBEAT) > 0 && broadcaster != null) {
            // keeps proxies and port-forwards from closing an idle stream
            broadcaster.broadcast(sse.newEventBuilder().comment("heartbeat").build());
            lastHeartbeat = lastPoll;
        }
    }

    /** A dashboard event; its id lets a reconnecting browser say what it has (Last-Event-ID). */
    private OutboundSseEvent event(Fragment shown) {
        return sse.newEventBuilder().name("dashboard").id(Long.toString(shown.latestBatchId()))
                .reconnectDelay(RECONNECT_DELAY.toMillis()).data(shown.html()).build();
    }
}
