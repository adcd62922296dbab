package dev.stockstream.spark;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * Lets a stop request wait for the micro-batch being written and keeps the next one from
 * starting to write, so a graceful stop never cuts a batch in half (cutting one would still be
 * safe, just wasted work: it is replayed from the checkpoint).
 */
final class BatchGate {

    private static final Map<UUID, BatchGate> BY_RUN = new ConcurrentHashMap<>();

    private static final long RECHECK_MILLIS = 100;

    private boolean stopRequested;
    private boolean inFlight;
    private long lastCommitted = -1;
    private volatile BooleanSupplier queryActive = () -> true;

    static void register(StreamingQuery query, BatchGate gate) {
        gate.queryActive = query::isActive;
        BY_RUN.put(query.runId(), gate);
    }

    static BatchGate remove(UUID runId) {
        return BY_RUN.remove(runId);
    }

    /**
     * Called when a batch starts; parks the stream thread once a stop is pending, until the stop
     * ends it. Spark's stop interrupts the stream thread only once, and an HDFS call in progress
     * may swallow that interrupt, so the parked thread also ends itself once the query reports
     * it is no longer active (Spark then counts the interruption as a clean stop).
     */
    synchronized void enter() throws InterruptedException {
        while (stopRequested) {
            if (!queryActive.getAsBoolean()) {
                throw new InterruptedException("the query is stopping");
            }
            wait(RECHECK_MILLIS);
        }
        inFlight = true;
    }

    /** A batch's write: what {@link #write} runs between {@link #enter} and {@link #exit}. */
    @FunctionalInterface
    interface BatchWrite {
        void run() throws Exception;
    }

    /** Runs one batch's {@code write} inside the gate: parked while a stop is pending, counted as committed when it returns. */
    void write(long batchId, BatchWrite write) throws Exception {
        enter();
        boolean committed = false;
        try {
            write.run();
            committed = true;
        } finally {
            exit(batchId, committed);
        }
    }

    synchronized void exit(long batchId, boolean committed) {
        inFlight = false;
        if (committed) {
            lastCommitted = batchId;
        }
        notifyAll();
    }

    /** Blocks new batches, waits for the one in flight (at most until the deadline); returns the last committed id or -1. */
    synchronized long requestStopAndAwaitIdle(long deadlineNanos) throws InterruptedException {
        stopRequested = true;
        long remaining;
        while (inFlight && (remaining = deadlineNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return lastCommitted;
    }
}
