package dev.stockstream.spark;

/**
 * Consumer fetch sizes of the job's Kafka source. Spark's Kafka reader asks the broker for the
 * partition's offset range after every poll, which also drops what the consumer had prefetched;
 * with Kafka's defaults (500 records a poll) a task spent most of its time waiting on those round
 * trips instead of parsing. A poll now takes about one fetch (2 MiB holds about 20,000 uncompressed ticks):
 * a bigger fetch would be dropped at the next offset check, and bigger polls showed more GC.
 */
final class KafkaFetch {

    static final int MAX_POLL_RECORDS = 20_000;
    static final int MAX_PARTITION_FETCH_BYTES = 2 * 1024 * 1024;

    private KafkaFetch() {
    }
}
