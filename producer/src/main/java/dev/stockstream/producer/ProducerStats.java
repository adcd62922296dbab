package dev.stockstream.producer;

import dev.stockstream.model.Tick;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** What the producer has done: ticks acknowledged and failed, the achieved rate, each symbol's last price. */
@ApplicationScoped
public class ProducerStats {

    private final RateMeter rate = new RateMeter();
    private final Map<String, SymbolState> symbols = new ConcurrentHashMap<>();
    private final Counter sentCounter;
    private final Counter failedCounter;
    private final Timer latency;

    public ProducerStats(MeterRegistry registry) {
        this.sentCounter = Counter.builder("producer.ticks.sent").description("Ticks acknowledged by Kafka").register(registry);
        this.failedCounter = Counter.builder("producer.send.failures").description("Ticks Kafka did not acknowledge").register(registry);
        this.latency = Timer.builder("producer.send.latency").description("Time from send to acknowledgement").register(registry);
    }

    void recordSent(Tick tick, long latencyNanos) {
        sentCounter.increment();
        latency.record(latencyNanos, TimeUnit.NANOSECONDS);
        rate.record(System.currentTimeMillis());
        symbols.computeIfAbsent(tick.symbol(), s -> new SymbolState()).record(tick.price());
    }

    void recordFailed() {
        failedCounter.increment();
    }

    public long sent() {
        return (long) sentCounter.count();
    }

    public long failed() {
        return (long) failedCounter.count();
    }

    public double achievedRate() {
        return rate.perSecond(System.currentTimeMillis());
    }

    /** Per symbol: the last acknowledged price and how many of its ticks were acknowledged. */
    public Map<String, SymbolStatus> symbols() {
        Map<String, SymbolStatus> view = new TreeMap<>();
        symbols.forEach((symbol, state) -> view.put(symbol, new SymbolStatus(state.lastPrice, state.sent.sum())));
        return view;
    }

    public record SymbolStatus(double lastPrice, long sent) {
    }

    private static final class SymbolState {
        private final LongAdder sent = new LongAdder();
        private volatile double lastPrice;

        void record(double price) {
            lastPrice = price;
            sent.increment();
        }
    }
}
