package dev.stockstream.store;

/** The Kafka offsets {@code from} (inclusive) to {@code until} (exclusive) of one partition. */
public record OffsetRange(long from, long until) {

    @Override
    public String toString() {
        return "[" + from + "," + until + ")";
    }
}
