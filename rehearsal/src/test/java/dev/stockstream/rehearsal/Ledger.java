package dev.stockstream.rehearsal;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.TickJson;
import dev.stockstream.model.TickResult;
import dev.stockstream.store.BatchInput;
import dev.stockstream.store.BatchReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * The two sides of "nothing lost, nothing doubled", read from outside the release: the valid ticks
 * on the topic, counted by a plain consumer, and what the committed batches say they hold.
 */
final class Ledger {

    private Ledger() {
    }

    /** Valid ticks per symbol on the whole topic, from the earliest offset to its end now. */
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

    /** The committed batches: tick counts per symbol summed over all of them, and their inputs. */
    static Committed committed(String outputRoot) {
        SortedMap<String, Long> counts = new TreeMap<>();
        SortedMap<Long, BatchInput> inputs = new TreeMap<>();
        try (BatchReader output = BatchReader.open(URI.create(outputRoot), new Configuration())) {
            for (long id : output.listCommittedBatchIds()) {
                for (BatchRow row : output.readBatch(id).rows()) {
                    counts.merge(row.symbol(), row.tickCount(), Long::sum);
                }
                inputs.put(id, output.readInput(id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Committed(counts, inputs);
    }

    /** Committed batches. */
    record Committed(SortedMap<String, Long> ticks, SortedMap<Long, BatchInput> inputs) {

        /**
         * Where the batches' Kafka ranges overlap or leave a gap (each batch must start each
         * partition where the one before stopped): empty when every offset was read exactly once.
         */
        List<String> rangeFaults() {
            List<String> faults = new ArrayList<>();
            Map<Integer, Long> next = new TreeMap<>();
            long expectedId = 0;
            for (var entry : inputs.entrySet()) {
                if (entry.getKey() != expectedId) {
                    faults.add("batch " + entry.getKey() + " follows batch " + (expectedId - 1));
                }
                expectedId = entry.getKey() + 1;
                for (var partition : entry.getValue().partitions().entrySet()) {
                    long from = partition.getValue().from();
                    long expected = next.getOrDefault(partition.getKey(), 0L);
                    if (from != expected) {
                        faults.add("batch " + entry.getKey() + " reads partition " + partition.getKey() + " from " + from
                                + ", the batch before stopped at " + expected);
                    }
                    next.put(partition.getKey(), partition.getValue().until());
                }
            }
            return faults;
        }
    }
}
