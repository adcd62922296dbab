package dev.stockstream.producer;

import java.util.concurrent.atomic.AtomicLongArray;

/** Events per second over the last few whole seconds, from one-second buckets in a ring. */
final class RateMeter {

    private static final int WINDOW_SECONDS = 5;
    private static final int BUCKETS = WINDOW_SECONDS + 2;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray seconds = new AtomicLongArray(BUCKETS);

    void record(long nowMillis) {
        long second = nowMillis / 1000;
        int bucket = (int) (second % BUCKETS);
        long owner = seconds.get(bucket);
        if (owner != second && seconds.compareAndSet(bucket, owner, second)) {
            counts.set(bucket, 0);
        }
        counts.incrementAndGet(bucket);
    }

    /** The average rate over the last {@value #WINDOW_SECONDS} complete seconds. */
    double perSecond(long nowMillis) {
        long current = nowMillis / 1000;
        long total = 0;
        for (long second = current - WINDOW_SECONDS; second < current; second++) {
            int bucket = (int) (second % BUCKETS);
            if (seconds.get(bucket) == second) {
                total += counts.get(bucket);
            }
        }
        return total / (double) WINDOW_SECONDS;
    }
}
