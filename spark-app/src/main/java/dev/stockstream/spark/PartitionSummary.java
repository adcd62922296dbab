package dev.stockstream.spark;

import dev.stockstream.model.Rejection;
import dev.stockstream.model.TickJson;
import dev.stockstream.model.TickResult;
import dev.stockstream.model.TickRules;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The partial aggregate of one slice of Kafka records (one Spark task, or one consumer poll
 * loop): per-symbol statistics and the number of rejected records. Summaries are merged on the
 * driver, so a micro-batch needs no shuffle; the rejected records themselves go to the quarantine
 * from where they are read, never to the driver.
 */
final class PartitionSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long maxAheadMs;
    private final long maxBehindMs;
    private final Map<String, SymbolStats> bySymbol = new HashMap<>();
    private int firstPartition = Integer.MAX_VALUE;
    private long firstOffset = Long.MAX_VALUE;
    private long records;
    private long rejected;

    /** With the event-time bounds of {@code STOCK_MAX_EVENT_AHEAD} and {@code STOCK_MAX_EVENT_BEHIND}. */
    PartitionSummary(long maxAheadMs, long maxBehindMs) {
        this.maxAheadMs = maxAheadMs;
        this.maxBehindMs = maxBehindMs;
    }

    PartitionSummary(JobSettings settings) {
        this(settings.maxEventAhead().toMillis(), settings.maxEventBehind().toMillis());
    }

    /** As {@link #accept(int, long, long, byte[], int, int)} for a whole array (null for no value). */
    Rejection accept(int partition, long offset, long recordTimestamp, byte[] value) {
        return accept(partition, offset, recordTimestamp, value, 0, value == null ? 0 : value.length);
    }

    /**
     * Decodes one Kafka value held in {@code buffer} (null for no value) at {@code start} with the contract,
     * judges its event time against the record's timestamp (epoch ms), and counts it as a tick or a
     * rejection; returns the rejection, or null for a valid tick. Never throws.
     */
    Rejection accept(int partition, long offset, long recordTimestamp, byte[] buffer, int start, int length) {
        if (records++ == 0) {
            firstPartition = partition;
            firstOffset = offset;
        }
        TickResult result = TickJson.decode(buffer, start, length);
        Rejection rejection = result.isValid()
                ? TickRules.checkEventTime(result.tick().ts(), recordTimestamp, maxAheadMs, maxBehindMs)
                : result.rejection();
        if (rejection != null) {
            rejected++;
            return rejection;
        }
        bySymbol.computeIfAbsent(result.tick().symbol(), symbol -> new SymbolStats()).add(result.tick());
        return null;
    }

    Map<String, SymbolStats> bySymbol() {
        return bySymbol;
    }

    long rejected() {
        return rejected;
    }

    long records() {
        return records;
    }

    int firstPartition() {
        return firstPartition;
    }

    long firstOffset() {
        return firstOffset;
    }
}
