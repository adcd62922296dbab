package dev.stockstream.store;

import java.util.function.BiConsumer;

/**
 * The moments of a commit at which a crash leaves the output in a different state, in order.
 * Tests observe them ({@link #observe}) to kill the job exactly there; nothing else does.
 */
public enum CommitStep {
    /** An executor has written part of a quarantine part file, not all of it. */
    QUARANTINE_PART_HALF_WRITTEN,
    /** The quarantine directory is in place, the batch directory not yet. */
    QUARANTINE_RENAMED,
    /** The batch directory is in place, the pointer not yet moved to it. */
    BATCH_RENAMED,
    /** The pointer names the batch; Spark has not yet recorded the batch in its commit log. */
    POINTER_MOVED,
    /** A candle batch's Parquet parts are in their day directories, the candle pointer not yet moved. */
    CANDLE_PARTS_RENAMED,
    /** The candle pointer names the candle batch; Spark has not yet recorded it in the candle checkpoint. */
    CANDLE_POINTER_MOVED;

    /** The steps of a batch's commit (the others are the candle query's). */
    public static final java.util.Set<CommitStep> BATCH_STEPS =
            java.util.EnumSet.range(QUARANTINE_PART_HALF_WRITTEN, POINTER_MOVED);

    private static volatile BiConsumer<CommitStep, Long> observer = (step, batchId) -> { };

    /** Called with each step reached and its batch id, in this JVM, from then on. */
    public static void observe(BiConsumer<CommitStep, Long> stepObserver) {
        observer = stepObserver;
    }

    void reached(long batchId) {
        observer.accept(this, batchId);
    }
}
