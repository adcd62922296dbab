package dev.stockstream.local;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.TickJson;
import dev.stockstream.model.TickResult;
import dev.stockstream.store.BatchReader;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Ticks per symbol counted two independent ways: the valid records on the topic, and the committed batches' tick_count. */
final class TickCounts {

    private TickCounts() {
    }

    /** Reads the whole topic, from the earliest offset to the end as it is now, with a plain consumer. */
    static SortedMap<String, Long> validOnTopic(String bootstrapServers, String topic) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        SortedMap<String, Long> counts = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TickResult decoded = TickJson.decode(record.value());
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition())) && decoded.isValid()) {
                        counts.merge(decoded.tick().symbol(), 1L, Long::sum);
                    }
                }
            }
        }
        return counts;
    }

    /** Sums tick_count per symbol over every committed batch, straight from the output root. */
    static SortedMap<String, Long> inCommittedBatches(String outputRoot) throws IOException {
        SortedMap<String, Long> counts = new TreeMap<>();
        try (BatchReader output = BatchReader.open(URI.create(outputRoot), new Configuration())) {
            for (long id : output.listCommittedBatchIds()) {
                for (BatchRow row : output.readBatch(id).rows()) {
                    counts.merge(row.symbol(), row.tickCount(), Long::sum);
                }
            }
        }
        return counts;
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
