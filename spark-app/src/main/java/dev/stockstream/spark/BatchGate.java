package dev.stockstream.spark;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Lets a stop request wait for the micro-batch being written and keeps the next one from
 * starting to write, so a graceful stop never cuts a batch in half (cutting one would still be
 * safe, just wasted work: it is replayed from the checkpoint).
 */
final class BatchGate {

    private static final Map<UUID, BatchGate> BY_RUN = new ConcurrentHashMap<>();

    private boolean stopRequested;
    private boolean inFlight;
    private long lastCommitted = -1;

    static void register(UUID runId, BatchGate gate) {
        BY_RUN.put(runId, gate);
    }

    static BatchGate remove(UUID runId) {
        return BY_RUN.remove(runId);
    }

    /** Called when a batch starts; parks the stream thread (until the stop interrupts it) once a stop is pending. */
    synchronized void enter() throws InterruptedException {
        while (stopRequested) {
            wait();
        }
        inFlight = true;
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
