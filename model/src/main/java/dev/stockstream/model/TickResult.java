package dev.stockstream.model;

/** The outcome of decoding one Kafka value: exactly one of {@code tick} and {@code rejection} is set. */
public record TickResult(Tick tick, Rejection rejection) {

    static TickResult ok(Tick tick) {
        return new TickResult(tick, null);
    }

    static TickResult rejected(RejectReason reason, String detail) {
        return new TickResult(null, new Rejection(reason, detail));
    }

    public boolean isValid() {
        return tick != null;
    }
}
