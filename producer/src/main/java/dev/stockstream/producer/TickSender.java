package dev.stockstream.producer;

import dev.stockstream.model.Tick;
import dev.stockstream.model.TickJson;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Hands ticks to the Kafka channel, keyed by symbol. At most {@code producer.max.in.flight}
 * ticks are unacknowledged at once: past that, {@link #send} blocks, so a slow or absent
 * broker slows the producer down instead of filling its memory.
 */
@ApplicationScoped
public class TickSender {

    private final MutinyEmitter<byte[]> emitter;
    private final ProducerStats stats;
    private final Semaphore inFlight;
    private final int maxInFlight;

    public TickSender(@Channel("ticks") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> emitter,
                      ProducerStats stats, ProducerSettings settings) {
        this.emitter = emitter;
        this.stats = stats;
        this.maxInFlight = settings.maxInFlight();
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** Sends one tick; blocks while the in-flight bound is reached. */
    public void send(Tick tick) throws InterruptedException {
        inFlight.acquire();
        long started = System.nanoTime();
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder().withKey(tick.symbol()).build();
        Message<byte[]> message = Message.of(TickJson.encodeBytes(tick), Metadata.of(key),
                () -> {
                    inFlight.release();
                    stats.recordSent(tick, System.nanoTime() - started);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    inFlight.release();
                    stats.recordFailed();
                    return CompletableFuture.completedFuture(null);
                });
        emitter.sendMessageAndForget(message);
    }

    public int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }
}
