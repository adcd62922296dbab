package dev.stockstream.producer;

/**
 * Spaces ticks evenly at a rate: the n-th tick after the anchor is due at anchor + n / rate,
 * so the rate holds over time without drift. When sending falls behind by more than
 * {@link #MAX_DEBT_SECONDS} (slow broker, pause, GC), the debt is forgiven instead of being
 * paid back in a burst. Used by one thread only.
 */
final class RatePacer {

    static final double MAX_DEBT_SECONDS = 1.0;
    private static final double NANOS = 1_000_000_000.0;

    private double rate;
    private long anchorNanos;
    private long sentSinceAnchor;

    RatePacer(double rate, long nowNanos) {
        reset(rate, nowNanos);
    }

    void reset(double rate, long nowNanos) {
        this.rate = rate;
        this.anchorNanos = nowNanos;
        this.sentSinceAnchor = 0;
    }

    double rate() {
        return rate;
    }

    /** How many ticks are due now; 0 means wait {@link #nanosUntilNext}. */
    long due(long nowNanos) {
        long expected = (long) ((nowNanos - anchorNanos) / NANOS * rate) + 1;
        long owed = expected - sentSinceAnchor;
        long maxDebt = Math.max(1, (long) (rate * MAX_DEBT_SECONDS));
        if (owed > maxDebt) {
            reset(rate, nowNanos);
            return 1;
        }
        return Math.max(0, owed);
    }

    long nanosUntilNext(long nowNanos) {
        long nextAt = anchorNanos + (long) (sentSinceAnchor / rate * NANOS);
        return Math.max(0, nextAt - nowNanos);
    }

    void sent(long count) {
        sentSinceAnchor += count;
    }
}
