package dev.stockstream.producer;

import dev.stockstream.model.Tick;
import dev.stockstream.model.TickJson;
import dev.stockstream.producer.config.ProducerSettings;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Hands ticks to Kafka, keyed by symbol, through the producer of the {@code ticks} channel
 * (its configuration, health check and lifecycle are the messaging extension's). Records go
 * straight to the Kafka client rather than through the channel's message stream, which costs
 * two thread hand-offs per record and caps throughput far below the broker's.
 * At most {@code producer.max.in.flight} ticks are unacknowledged at once: past that,
 * {@link #send} blocks, so a slow or absent broker slows the producer down instead of
 * filling its memory.
 */
@ApplicationScoped
public class KafkaTickSender {

    static final String CHANNEL = "ticks";

    private final KafkaClientService clients;
    private final ProducerStats stats;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final String topic;
    private volatile Producer<String, byte[]> producer;

    /**
     * The {@code ticks} emitter is never sent to: injecting it is what connects the channel
     * (SmallRye warns about an outgoing channel without upstream) and has the connector create
     * the channel's producer, which {@link #send} then uses directly.
     */
    public KafkaTickSender(KafkaClientService clients, @Channel(CHANNEL) MutinyEmitter<byte[]> channel,
                           ProducerStats stats, ProducerSettings settings, @ConfigProperty(name = "stock.topic") String topic) {
        this.clients = clients;
        this.stats = stats;
        this.topic = topic;
        this.maxInFlight = settings.maxInFlight();
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** Sends one tick; blocks while the in-flight bound is reached. */
    public void send(Tick tick) throws InterruptedException {
        inFlight.acquire();
        long started = System.nanoTime();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, tick.symbol(), TickJson.encodeBytes(tick));
        try {
            producer().send(record, (metadata, error) -> {
                // Counted before the permit goes back, so a drained sender's counts are final.
                if (error == null) {
                    stats.recordSent(tick, System.nanoTime() - started);
                } else {
                    stats.recordFailed();
                }
                inFlight.release();
            });
        } catch (RuntimeException e) {
            inFlight.release();
            stats.recordFailed();
        }
    }

    /**
     * Waits until every tick sent so far is acknowledged or failed, at most {@code timeout}; true
     * when none is in flight. Only meaningful while nothing sends (the pump paused).
     */
    public boolean awaitAcknowledged(Duration timeout) throws InterruptedException {
        if (!inFlight.tryAcquire(maxInFlight, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        inFlight.release(maxInFlight);
        return true;
    }

    public int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            current = clients.<String, byte[]>getProducer(CHANNEL).unwrap();
            producer = current;
        }
        return current;
    }
}
