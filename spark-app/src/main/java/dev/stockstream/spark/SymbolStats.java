package dev.stockstream.spark;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.Tick;
import java.io.Serializable;

/** Running aggregate of one symbol's valid ticks: what one {@link BatchRow} is computed from. */
final class SymbolStats implements Serializable {

    private static final long serialVersionUID = 1L;

    private long count;
    private double priceSum;
    private double minPrice = Double.POSITIVE_INFINITY;
    private double maxPrice = Double.NEGATIVE_INFINITY;
    private double notional;
    private long volume;
    private long maxTs = Long.MIN_VALUE;
    private boolean volumeSaturated;

    void add(Tick tick) {
        count++;
        priceSum += tick.price();
        minPrice = Math.min(minPrice, tick.price());
        maxPrice = Math.max(maxPrice, tick.price());
        notional += tick.price() * tick.volume();
        addVolume(tick.volume());
        maxTs = Math.max(maxTs, tick.ts());
    }

    void merge(SymbolStats other) {
        count += other.count;
        priceSum += other.priceSum;
        minPrice = Math.min(minPrice, other.minPrice);
        maxPrice = Math.max(maxPrice, other.maxPrice);
        notional += other.notional;
        addVolume(other.volume);
        volumeSaturated |= other.volumeSaturated;
        maxTs = Math.max(maxTs, other.maxTs);
    }

    /** Sums volume without wrapping: a sum past {@code Long.MAX_VALUE} stays there and is flagged. */
    private void addVolume(long more) {
        long sum = volume + more;
        if (((volume ^ sum) & (more ^ sum)) < 0) {
            volume = Long.MAX_VALUE;
            volumeSaturated = true;
        } else {
            volume = sum;
        }
    }

    boolean volumeSaturated() {
        return volumeSaturated;
    }

    long maxTs() {
        return maxTs;
    }

    long count() {
        return count;
    }

    /** The volume-weighted average price falls back to the plain average when nothing traded. */
    BatchRow toRow(long batchId, long batchTime, String symbol) {
        double average = priceSum / count;
        double vwap = volume == 0 ? average : notional / volume;
        return new BatchRow(batchId, batchTime, symbol, average, minPrice, maxPrice, vwap, count, volume);
    }
}
