package dev.stockstream.model;

/**
 * One price observation of one symbol: the record the producer sends and the job aggregates.
 *
 * @param symbol ticker symbol, the Kafka record key
 * @param price  trade price, finite and positive
 * @param volume shares traded, zero or more
 * @param ts     event time in epoch milliseconds
 */
public record Tick(String symbol, double price, long volume, long ts) {

    /** Builds a tick and fails with the contract's reason if any field is invalid. */
    public static Tick of(String symbol, double price, long volume, long ts) {
        Rejection rejection = TickRules.check(symbol, price, volume, ts);
        if (rejection != null) {
            throw new IllegalArgumentException(rejection.message());
        }
        return new Tick(symbol, price, volume, ts);
    }
}
