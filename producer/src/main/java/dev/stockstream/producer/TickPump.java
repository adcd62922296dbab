package dev.stockstream.producer;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
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

    private final Instance<ProducerSettings> settingsInstance;
    private final TickSender sender;
    private volatile double requestedRate;
    private volatile boolean paused;
    private volatile boolean running;
    private final ReentrantLock sendingRound = new ReentrantLock();
    private ProducerSettings settings;
    private TickSource source;
    private Thread thread;

    public TickPump(Instance<ProducerSettings> settingsInstance, TickSender sender) {
        this.settingsInstance = settingsInstance;
        this.sender = sender;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            settings = settingsInstance.get();
            source = TickSources.create(settings);
        } catch (RuntimeException e) {
            InvalidSettingException invalid = findInvalidSetting(e);
            if (invalid == null) {
                throw e;
            }
            LOG.error(invalid.getMessage());
            Quarkus.asyncExit(1);
            return;
        }
        requestedRate = settings.rate();
        running = true;
        thread = new Thread(this::run, "tick-pump");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Producing %s ticks for %d symbols at %.0f ticks/s", settings.source().name().toLowerCase(),
                source.symbols().size(), settings.rate());
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    public void setRate(double ticksPerSecond) {
        ProducerSettings.checkRate("producer.rate", ticksPerSecond);
        requestedRate = ticksPerSecond;
        LOG.infof("Rate set to %.0f ticks/s", ticksPerSecond);
    }

    public double rate() {
        return requestedRate;
    }

    /** Stops sending; once this returns, no further tick is handed to Kafka until {@link #resume()}. */
    public void pause() {
        paused = true;
        try {
            if (sendingRound.tryLock(10, TimeUnit.SECONDS)) {
                sendingRound.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Paused");
    }

    public void resume() {
        paused = false;
        LOG.info("Resumed");
    }

    public boolean isPaused() {
        return paused;
    }

    public ProducerSettings settings() {
        return settings;
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

    private static InvalidSettingException findInvalidSetting(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
