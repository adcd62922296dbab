package dev.stockstream.visualizer.hdfs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one read of the output root found: the newest committed batches, newest first, and
 * the state of the read. When HDFS cannot be read, {@code batches} are the last ones read
 * before the outage, so the page keeps showing them under a warning.
 *
 * @param skipped batch ids in the look-back that were missing or unreadable
 * @param problem a one-line description of what went wrong, empty when the state is {@code OK}
 */
public record HistorySnapshot(State state, List<Batch> batches, List<Long> skipped, Optional<String> problem,
                      Instant readAt) {

    public enum State {
        /** Batches were read. */
        OK,
        /** The root answers but no batch has been committed yet. */
        WAITING,
        /** HDFS (or the file system of the root) did not answer. */
        UNREACHABLE,
        /** The latest-batch pointer holds something that is not a batch id. */
        POINTER_UNREADABLE
    }

    public HistorySnapshot {
        batches = List.copyOf(batches);
        skipped = List.copyOf(skipped);
    }

    public Optional<Batch> latest() {
        return batches.isEmpty() ? Optional.empty() : Optional.of(batches.get(0));
    }

    public List<Long> batchIds() {
        return batches.stream().map(Batch::id).toList();
    }
}
