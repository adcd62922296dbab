package dev.stockstream.visualizer.hdfs;

import dev.stockstream.model.BatchRow;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * One committed micro-batch as read from HDFS: its rows (one per symbol) and when its data
 * file was written. Immutable, like the batch itself.
 */
public record Batch(long id, Instant committedAt, List<BatchRow> rows) {

    public Batch {
        rows = rows.stream().sorted(Comparator.comparing(BatchRow::symbol)).toList();
    }

    /** The latest event time among the batch's ticks; empty when all its ticks were quarantined. */
    public OptionalLong batchTime() {
        return rows.stream().mapToLong(BatchRow::batchTime).max();
    }

    public long ticks() {
        return rows.stream().mapToLong(BatchRow::tickCount).sum();
    }

    public long volume() {
        return rows.stream().mapToLong(BatchRow::volume).sum();
    }

    public int symbols() {
        return rows.size();
    }
}
