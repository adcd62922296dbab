package dev.stockstream.rehearsal;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.Candle;
import dev.stockstream.model.CandleProgress;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.TickJson;
import dev.stockstream.model.TickResult;
import dev.stockstream.store.BatchInput;
import dev.stockstream.store.BatchReader;
import dev.stockstream.store.CandleReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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
        return validTicks(bootstrapServers, topic, null);
    }

    /** The valid ticks per symbol on the topic from its earliest offsets up to {@code until} per partition (null: its end now). */
    static SortedMap<String, Long> validTicks(String bootstrapServers, String topic, Map<Integer, Long> until) {
        SortedMap<String, Long> counts = new TreeMap<>();
        scan(bootstrapServers, topic, until, record -> {
            TickResult decoded = TickJson.decode(record.value());
            if (decoded.isValid()) {
                counts.merge(decoded.tick().symbol(), 1L, Long::sum);
            }
        });
        return counts;
    }

    /** The topic's end offsets now, per partition. */
    static Map<Integer, Long> endOffsets(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            Map<Integer, Long> end = new TreeMap<>();
            consumer.endOffsets(partitions(consumer, topic)).forEach((partition, offset) -> end.put(partition.partition(), offset));
            return end;
        }
    }

    /**
     * How many records at or after {@code split} (per partition) repeat, byte for byte, a record
     * before it: what a producer session that began at {@code split} sent again of an earlier one.
     * A tick's value holds its event time, so two sessions cannot repeat each other by chance.
     */
    static long resentAfter(String bootstrapServers, String topic, Map<Integer, Long> split) {
        Set<ByteBuffer> before = new HashSet<>();
        List<ByteBuffer> after = new ArrayList<>();
        scan(bootstrapServers, topic, null, record -> {
            ByteBuffer value = ByteBuffer.wrap(record.value());
            if (record.offset() < split.getOrDefault(record.partition(), 0L)) {
                before.add(value);
            } else {
                after.add(value);
            }
        });
        return after.stream().filter(before::contains).count();
    }

    /** Passes every record of the topic from its earliest offsets up to {@code until} (null: its end now) to {@code visitor}. */
    private static void scan(String bootstrapServers, String topic, Map<Integer, Long> until,
                             Consumer<ConsumerRecord<byte[], byte[]>> visitor) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            if (until != null) {
                end.replaceAll((partition, offset) -> Math.min(offset, until.getOrDefault(partition.partition(), 0L)));
            }
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        visitor.accept(record);
                    }
                }
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** {@code committed} minus {@code onTopic} for each symbol where they differ (empty: they are equal). */
    static SortedMap<String, Long> difference(Map<String, Long> committed, Map<String, Long> onTopic) {
        SortedMap<String, Long> difference = new TreeMap<>();
        Set<String> symbols = new TreeSet<>(onTopic.keySet());
        symbols.addAll(committed.keySet());
        for (String symbol : symbols) {
            long by = committed.getOrDefault(symbol, 0L) - onTopic.getOrDefault(symbol, 0L);
            if (by != 0) {
                difference.put(symbol, by);
            }
        }
        return difference;
    }

    /**
     * The committed batches against a recount of the topic up to where they stopped reading:
     * ticks the batches miss ({@code lost}) and ticks they hold more than once ({@code duplicated}),
     * summed over the symbols, with the batches' range faults.
     */
    static Balance balance(String outputRoot, String bootstrapServers, String topic) {
        Committed committed = committed(outputRoot);
        Map<Integer, Long> until = committed.inputs().isEmpty() ? Map.of() : committed.inputs().get(committed.inputs().lastKey()).endOffsets();
        SortedMap<String, Long> onTopic = validTicks(bootstrapServers, topic, until);
        long lost = 0;
        long duplicated = 0;
        for (long by : difference(committed.ticks(), onTopic).values()) {
            lost += Math.max(0, -by);
            duplicated += Math.max(0, by);
        }
        return new Balance(committed.inputs().size(), onTopic.values().stream().mapToLong(Long::longValue).sum(),
                lost, duplicated, committed.rangeFaults());
    }

    /**
     * The committed candles against a recount of the topic up to where the candle query's last
     * committed batch stopped reading (its checkpoint's offset log): for each symbol and window the
     * watermark has closed, the ticks its candle holds beside the ticks on the topic. A window's
     * ticks the candle misses must be the late ticks the query counted; a candle never holds more.
     */
    static CandleBalance candleBalance(String outputRoot, String bootstrapServers, String topic) {
        CandleProgress progress;
        List<Candle> candles;
        Map<Integer, Long> until;
        try (FileSystem fs = FileSystem.newInstance(URI.create(outputRoot), new Configuration())) {
            CandleReader reader = new CandleReader(fs, URI.create(outputRoot));
            progress = reader.progress().orElse(null);
            if (progress == null) {
                return new CandleBalance(-1, 0, 0, 0, 0, 0, 0);
            }
            candles = new ArrayList<>();
            for (java.time.LocalDate day : reader.days()) {
                for (CandleReader.Part part : reader.parts(day, progress.batchId())) {
                    candles.addAll(reader.read(part));
                }
            }
            until = consumedThrough(fs, outputRoot + "/" + OutputLayout.CANDLE_CHECKPOINTS_DIR, progress.batchId(), topic);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long watermark = progress.watermarkMs();
        long interval = candles.isEmpty() ? 60_000 : candles.get(0).windowEnd() - candles.get(0).windowStart();
        Map<String, Long> onTopic = new TreeMap<>();
        scan(bootstrapServers, topic, until, record -> {
            TickResult decoded = TickJson.decode(record.value());
            if (decoded.isValid()) {
                long start = Math.floorDiv(decoded.tick().ts(), interval) * interval;
                if (start + interval <= watermark) {
                    onTopic.merge(decoded.tick().symbol() + "@" + start, 1L, Long::sum);
                }
            }
        });
        Map<String, Long> inCandles = new TreeMap<>();
        long candlesTwice = 0;
        for (Candle candle : candles) {
            if (inCandles.put(candle.symbol() + "@" + candle.windowStart(), candle.ticks()) != null) {
                candlesTwice++;
            }
        }
        long missing = 0;
        long extra = 0;
        Set<String> windows = new TreeSet<>(onTopic.keySet());
        windows.addAll(inCandles.keySet());
        for (String window : windows) {
            long difference = inCandles.getOrDefault(window, 0L) - onTopic.getOrDefault(window, 0L);
            missing += Math.max(0, -difference);
            extra += Math.max(0, difference);
        }
        return new CandleBalance(progress.batchId(), candles.size(), onTopic.values().stream().mapToLong(Long::longValue).sum(),
                progress.lateTicksTotal(), missing, extra, candlesTwice);
    }

    /** The end offsets per partition of candle batch {@code batchId}, from Spark's offset log in the checkpoint. */
    private static Map<Integer, Long> consumedThrough(FileSystem fs, String checkpoint, long batchId, String topic) throws IOException {
        String content;
        try (var in = fs.open(new Path(checkpoint + "/offsets/" + batchId))) {
            content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String[] lines = content.strip().split("\n");
        Map<Integer, Long> offsets = new TreeMap<>();
        UserSteps.json(lines[lines.length - 1]).path(topic).fields().forEachRemaining(entry ->
                offsets.put(Integer.parseInt(entry.getKey()), entry.getValue().asLong()));
        return offsets;
    }

    /**
     * The outcome of {@link #candleBalance}: {@code missing} ticks of closed windows no candle holds
     * (must equal {@code late}), {@code extra} ticks candles hold beyond the topic's, and
     * {@code candlesTwice} windows written more than once (both must be 0). Batch -1: no candle yet.
     */
    record CandleBalance(long batch, int candles, long ticksInClosedWindows, long late, long missing, long extra,
                         long candlesTwice) {
    }

    /** The outcome of {@link #balance}. */
    record Balance(int batches, long ticksOnTopic, long lost, long duplicated, List<String> rangeFaults) {
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
