package dev.stockstream.store;

import dev.stockstream.model.BatchRow;
import java.time.Instant;
import java.util.List;

/**
 * One committed micro-batch as read from the output root: its rows (one per symbol, in file
 * order) and when its data file was written.
 */
public record CommittedBatch(long id, Instant committedAt, List<BatchRow> rows) {

    public CommittedBatch {
        rows = List.copyOf(rows);
    }
}
