package dev.stockstream.producer;

import dev.stockstream.producer.config.ProducerSettings;
import dev.stockstream.producer.source.TickSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The producer's one sending thread: takes ticks from the source at the paced rate and hands
 * them to the sender. Rate and pause can be changed while it runs.
 */
@ApplicationScoped
public class TickPump {

    private static final Logger LOG = Logger.getLogger(TickPump.class);
    private static final int MAX_TICKS_PER_ROUND = 1024;
    private static final long IDLE_PARK_NANOS = 50_000_000;
    /** The longest {@link #pause()} waits for the sending round and the acknowledgements in flight. */
    private static final Duration PAUSE_WAIT = Duration.ofSeconds(10);

    private final ProducerSettings settings;
    private final TickSource source;
    private final KafkaTickSender sender;
    private volatile double requestedRate;
    private volatile boolean paused;
    private volatile boolean running;
    private final ReentrantLock sendingRound = new ReentrantLock();
    private Thread thread;

    public TickPump(ProducerSettings settings, TickSource source, KafkaTickSender sender) {
        this.settings = settings;
        this.source = source;
        this.sender = sender;
    }

    void onStart(@Observes StartupEvent event) {
        requestedRate = settings.rate();
        running = true;
        thread = new Thread(this::run, "tick-pump");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Producing %s ticks for %d symbols at %.0f ticks/s", sourceName(),
                source.symbols().size(), settings.rate());
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    /** Takes a rate the caller has checked to be {@link ProducerSettings#RATE_RANGE}. */
    public void setRate(double ticksPerSecond) {
        requestedRate = ticksPerSecond;
        LOG.infof("Rate set to %.0f ticks/s", ticksPerSecond);
    }

    public double rate() {
        return requestedRate;
    }

    /**
     * Stops sending: once this returns, no further tick is handed to Kafka until {@link #resume()},
     * and the ticks handed to it before are acknowledged (or failed), so the topic holds all that was
     * sent. Waits at most {@link #PAUSE_WAIT} in all (a broker that does not answer); what is still
     * unacknowledged then shows as in flight in the status.
     */
    public void pause() {
        paused = true;
        long deadline = System.nanoTime() + PAUSE_WAIT.toNanos();
        boolean drained = false;
        try {
            if (sendingRound.tryLock(PAUSE_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                sendingRound.unlock();
                drained = sender.awaitAcknowledged(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drained) {
            LOG.info("Paused");
        } else {
            LOG.warnf("Paused; %d ticks sent before the pause are not acknowledged yet", sender.inFlight());
        }
    }

    public void resume() {
        paused = false;
        LOG.info("Resumed");
    }

    public boolean isPaused() {
        return paused;
    }

    /** The configured source kind, in lower case as in {@code producer.source}. */
    public String sourceName() {
        return settings.source().name().toLowerCase();
    }

    private void run() {
        RatePacer pacer = new RatePacer(requestedRate, System.nanoTime());
        try {
            while (running) {
                if (paused) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                    pacer.reset(requestedRate, System.nanoTime());
                    continue;
                }
                long now = System.nanoTime();
                if (pacer.rate() != requestedRate) {
                    pacer.reset(requestedRate, now);
                }
                long due = Math.min(pacer.due(now), MAX_TICKS_PER_ROUND);
                if (due == 0) {
                    LockSupport.parkNanos(Math.min(pacer.nanosUntilNext(now), IDLE_PARK_NANOS));
                    continue;
                }
                sendingRound.lockInterruptibly();
                try {
                    for (long i = 0; i < due && !paused; i++) {
                        sender.send(source.next(System.currentTimeMillis()));
                        pacer.sent(1);
                    }
                } finally {
                    sendingRound.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
