package dev.stockstream.spark;

import dev.stockstream.model.Rejection;
import dev.stockstream.model.TickJson;
import dev.stockstream.model.TickResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partial aggregate of one slice of Kafka records (one Spark task, or one consumer poll
 * loop): per-symbol statistics plus the rejected records. Summaries are merged on the driver,
 * so a micro-batch needs no shuffle.
 */
final class PartitionSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, SymbolStats> bySymbol = new HashMap<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();
    private int firstPartition = Integer.MAX_VALUE;
    private long firstOffset = Long.MAX_VALUE;
    private long records;

    /** Decodes one Kafka value with the contract and counts it as a tick or a rejection; never throws. */
    void accept(int partition, long offset, byte[] value) {
        accept(partition, offset, value, 0, value == null ? 0 : value.length);
    }

    /** As {@link #accept(int, long, byte[])} for a value held in {@code buffer} (null for no value) at {@code start}. */
    void accept(int partition, long offset, byte[] buffer, int start, int length) {
        if (records++ == 0) {
            firstPartition = partition;
            firstOffset = offset;
        }
        TickResult result = TickJson.decode(buffer, start, length);
        if (result.isValid()) {
            bySymbol.computeIfAbsent(result.tick().symbol(), symbol -> new SymbolStats()).add(result.tick());
        } else {
            reject(partition, offset, result.rejection(), buffer == null ? null : Arrays.copyOfRange(buffer, start, start + length));
        }
    }

    void reject(int partition, long offset, Rejection rejection, byte[] value) {
        rejected.add(new RejectedRecord(partition, offset, rejection, value));
    }

    Map<String, SymbolStats> bySymbol() {
        return bySymbol;
    }

    List<RejectedRecord> rejected() {
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
