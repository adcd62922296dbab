package dev.stockstream.rehearsal;

import dev.stockstream.helm.Chart;
import dev.stockstream.model.Tick;
import dev.stockstream.model.TickJson;
import dev.stockstream.store.BatchReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bash bench/rehearsal.sh}: a default install rehearsed (time to the first batch on the
 * dashboard), then the job's throughput on 2 and on 4 executor processes, each on its own worker
 * host, measured on the same preloaded backlog: the producer paused, {@value #BACKLOG} ticks
 * written to the topic, and the job resubmitted by {@code helm upgrade} onto a fresh output root
 * (so it reads the whole topic from the earliest offset). Rate: the ticks of the batches after the
 * first, over the time between the first batch's commit and the last one's. Lost and duplicated
 * ticks compare each output root's per-symbol counts with a recount of the topic.
 */
public final class RehearsalBench {

    private static final int BACKLOG = 2_000_000;
    private static final String TOPIC = "stockTopic";
    private static final String KAFKA = "stock-streaming-kafka:9092";
    private static final String HDFS = "hdfs://stock-streaming-hdfs-namenode:8020";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private RehearsalBench() {
    }

    public static void main(String[] args) {
        int exit = 0;
        try (Cluster cluster = Cluster.start(Chart.repoRoot(), Rehearsals.workDirectory(RehearsalBench.class), "default");
             Release release = new Release(cluster, Chart.RELEASE)) {
            Instant started = Instant.now();
            release.install(Map.of());
            String producer = release.pods("Deployment/stock-streaming-producer").get(0);
            Waits.until(cluster, "the first batch on the dashboard", TIMEOUT, () -> Fetch.fromPod(cluster, producer,
                    "http://stock-streaming-visualizer:8080/api/batches/latest"));
            long toFirstBatch = Duration.between(started, Instant.now()).toSeconds();

            Waits.until(cluster, "the producer paused", Duration.ofMinutes(1), () -> Fetch.asOperator(cluster, producer,
                    "http://stock-streaming-producer:8080/producer/pause", "POST",
                    cluster.secret("stock-streaming-producer-api", "password")));
            preload(BACKLOG);
            SortedMap<String, Long> topic = Ledger.validOnTopic(KAFKA, TOPIC);
            long total = topic.values().stream().mapToLong(Long::longValue).sum();

            Drain two = drain(cluster, release, 2, "/stockstream-bench-2", topic, total);
            Drain four = drain(cluster, release, 4, "/stockstream-bench-4", topic, total);
            System.out.println(String.format(Locale.ROOT,
                    "rehearsal install_to_first_batch_s=%d executors=%d ticks_per_s_2_executors=%.0f ticks_per_s_4_executors=%.0f lost=%d duplicated=%d",
                    toFirstBatch, release.operator().workerPods().size(), two.ticksPerSecond(), four.ticksPerSecond(),
                    two.lost() + four.lost(), two.duplicated() + four.duplicated()));
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    /** Resubmits the job with {@code executors} onto a fresh {@code root} and waits until it has read the whole topic. */
    private static Drain drain(Cluster cluster, Release release, int executors, String root,
            SortedMap<String, Long> topic, long total) {
        release.upgrade(Map.of("spark.executor.instances", executors, "stock.outputRoot", root,
                "stock.maxOffsetsPerTrigger", 250_000));
        Waits.until(cluster, executors + " executors' job reading the whole backlog into " + root, TIMEOUT, () -> {
            Ledger.Committed committed = Ledger.committed(HDFS + root);
            return committed.ticks().values().stream().mapToLong(Long::longValue).sum() >= total ? committed : null;
        });
        Ledger.Committed committed = Ledger.committed(HDFS + root);
        long lost = 0;
        long duplicated = 0;
        SortedMap<String, Long> symbols = new TreeMap<>(topic);
        committed.ticks().keySet().forEach(symbol -> symbols.putIfAbsent(symbol, 0L));
        for (String symbol : symbols.keySet()) {
            long difference = committed.ticks().getOrDefault(symbol, 0L) - topic.getOrDefault(symbol, 0L);
            lost += Math.max(0, -difference);
            duplicated += Math.max(0, difference);
        }
        duplicated += committed.rangeFaults().size();
        return new Drain(rate(HDFS + root), lost, duplicated);
    }

    /** Ticks of the batches after the first, over the time from the first commit to the last. */
    private static double rate(String root) {
        try (BatchReader output = BatchReader.open(URI.create(root), new Configuration())) {
            List<Long> ids = output.listCommittedBatchIds();
            Instant first = output.readBatch(ids.get(0)).committedAt();
            Instant last = first;
            long ticks = 0;
            for (long id : ids.subList(1, ids.size())) {
                var batch = output.readBatch(id);
                ticks += batch.rows().stream().mapToLong(row -> row.tickCount()).sum();
                last = batch.committedAt().isAfter(last) ? batch.committedAt() : last;
            }
            double seconds = Duration.between(first, last).toMillis() / 1000.0;
            return seconds > 0 ? ticks / seconds : Double.NaN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code count} valid ticks of five symbols, stamped now, to the topic. */
    private static void preload(int count) {
        String[] symbols = {"AAPL", "AMZN", "GOOG", "IBM", "MSFT"};
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String symbol = symbols[i % symbols.length];
                Tick tick = Tick.of(symbol, 100 + (i % 1000) / 100.0, 1 + i % 50, System.currentTimeMillis());
                producer.send(new ProducerRecord<>(TOPIC, null, tick.ts(), symbol.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        TickJson.encodeBytes(tick)));
            }
            producer.flush();
        }
    }

    private record Drain(double ticksPerSecond, long lost, long duplicated) {
    }
}
