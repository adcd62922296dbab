package dev.stockstream.spark;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The Kafka consumer's fetch settings of the job's Kafka source (and of the benchmark's baseline).
 *
 * <p>Spark's Kafka reader asks the broker for the partition's offset range after every poll, which
 * also drops what the consumer had prefetched; with Kafka's defaults (500 records a poll) a task
 * spent most of its time waiting on those round trips instead of parsing. A poll now takes about
 * one fetch (4 MiB holds about 40,000 uncompressed ticks): a bigger fetch would be dropped at the
 * next offset check, and 8 MiB polls were not faster but doubled GC time.
 *
 * <p>The broker answers one connection's requests in order. When a task's last poll reaches the end
 * of the log, the consumer's prefetch finds no data and the broker holds it for
 * {@code fetch.max.wait.ms}; the offset check that follows waits behind it. With Kafka's 500 ms
 * default every task that ends at the head of the log (each one, once the job has caught up with
 * a slow producer) idled half a second; 10 ms bounds that wait and costs nothing while data flows.
 */
final class KafkaFetchSettings {

    /** By Kafka's consumer setting names; Spark's Kafka source takes each with a {@code kafka.} prefix. */
    static final Map<String, String> CONSUMER = Map.of(
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "40000",
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024),
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");

    private KafkaFetchSettings() {
    }
}
