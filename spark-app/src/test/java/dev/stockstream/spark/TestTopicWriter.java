package dev.stockstream.spark;

import dev.stockstream.embedded.EmbeddedKafka;
import dev.stockstream.model.Tick;
import dev.stockstream.model.TickJson;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends ticks and raw values to a topic, to an explicit partition, keyed by symbol like the producer.
 * A tick's record is stamped with the tick's own time, as a producer sending it live would; a raw
 * value with {@link #RAW_TIMESTAMP}, so the job's event-time bounds judge both alike in every run.
 */
final class TestTopicWriter implements AutoCloseable {

    /** A start time for test ticks near now (so the broker's retention keeps their records), to the minute. */
    static final long T0 = System.currentTimeMillis() / 60_000 * 60_000;
    static final long RAW_TIMESTAMP = T0;

    private final KafkaProducer<byte[], byte[]> producer;
    /** The first send the broker did not acknowledge: a callback's exception would only be logged by the client. */
    private final AtomicReference<Exception> failed = new AtomicReference<>();
    private final String topic;

    TestTopicWriter(EmbeddedKafka kafka, String topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putAll(kafka.clientSecurity());
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    void send(int partition, Tick tick) {
        send(partition, tick.ts(), tick.symbol(), TickJson.encodeBytes(tick));
    }

    void sendRaw(int partition, String key, String value) {
        send(partition, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    void send(int partition, String key, byte[] value) {
        send(partition, RAW_TIMESTAMP, key, value);
    }

    void send(int partition, long timestamp, String key, byte[] value) {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, partition, timestamp, keyBytes, value), (metadata, error) -> {
            if (error != null) {
                failed.compareAndSet(null, error);
            }
        });
    }

    /** Waits until every record sent is acknowledged; fails if the broker refused or lost one. */
    void flush() {
        producer.flush();
        if (failed.get() != null) {
            throw new IllegalStateException("a test record was not written to " + topic, failed.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
