package dev.stockstream.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.TickJson;
import dev.stockstream.model.TickResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic up to its current end: the tests' view of what really arrived. */
final class TopicReader {

    private TopicReader() {
    }

    /** The symbols of the records, each checked to be a valid tick of the contract keyed by its symbol. */
    static Set<String> symbolsOfValidTicks(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> symbols = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TickResult decoded = TickJson.decode(record.value());
            assertThat(decoded.rejection()).as("record %s", new String(record.value(), StandardCharsets.UTF_8)).isNull();
            assertThat(record.key()).isEqualTo(decoded.tick().symbol());
            symbols.add(record.key());
        }
        return symbols;
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
        return readAll(bootstrapServers, Map.of(), topic);
    }

    /** Every record of the topic, read with the client settings {@code security} (SASL) beyond the servers. */
    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, Map<String, String> security, String topic) {
        Map<String, Object> config = new java.util.HashMap<>(security);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
