package dev.stockstream.producer.bench;

import dev.stockstream.embedded.EmbeddedKafka;
import dev.stockstream.embedded.FreePorts;
import dev.stockstream.model.TickJson;
import dev.stockstream.producer.source.SyntheticSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-speed throughput of the packaged producer against Kafka's own ProducerPerformance, on one
 * broker, with the same records (tick JSON), acks, idempotence, compression, linger and batch size.
 * Each side runs in its own JVM; the rounds alternate so drift on a noisy machine hits both.
 * Prints {@code producer_vs_kafka_perf ratio=<ours/theirs> ours=<msg/s> kafka=<msg/s>}.
 */
public final class ProducerBenchmark {

    private static final int ROUNDS = 2;
    private static final int WARMUP_SECONDS = 8;
    private static final int MEASURE_SECONDS = 20;
    private static final int PARTITIONS = 4;
    private static final Pattern PERF_SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    public static void main(String[] args) throws Exception {
        Path appJar = Path.of(args.length > 0 ? args[0] : "producer/target/quarkus-app/quarkus-run.jar");
        Path work = Files.createTempDirectory("producer-bench-");
        Path payloads = writePayloads(work.resolve("ticks.jsonl"));
        List<Double> ours = new ArrayList<>();
        List<Double> kafka = new ArrayList<>();
        try (EmbeddedKafka broker = EmbeddedKafka.startDefault()) {
            for (int round = 1; round <= ROUNDS; round++) {
                String ourTopic = "bench-ours-" + round;
                String theirTopic = "bench-kafka-" + round;
                broker.createTopic(ourTopic, PARTITIONS);
                broker.createTopic(theirTopic, PARTITIONS);
                double ourRate = runOurs(appJar, broker.bootstrapServers(), ourTopic, work);
                long records = Math.max(500_000, (long) (ourRate * (WARMUP_SECONDS + MEASURE_SECONDS)));
                double theirRate = runProducerPerformance(broker.bootstrapServers(), theirTopic, payloads, records, work);
                System.err.printf(Locale.ROOT, "round %d: ours=%.0f msg/s kafka=%.0f msg/s%n", round, ourRate, theirRate);
                ours.add(ourRate);
                kafka.add(theirRate);
            }
        }
        double oursMean = ours.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double kafkaMean = kafka.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf(Locale.ROOT, "producer_vs_kafka_perf ratio=%.3f ours=%.0f kafka=%.0f%n",
                oursMean / kafkaMean, oursMean, kafkaMean);
    }

    /** The same tick JSON the producer sends, for ProducerPerformance's --payload-file. */
    private static Path writePayloads(Path file) throws IOException {
        SyntheticSource source = new SyntheticSource(SyntheticSource.generatedSymbols(100), 42);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            lines.append(TickJson.encode(source.next(System.currentTimeMillis()))).append('\n');
        }
        return Files.writeString(file, lines);
    }

    private static double runOurs(Path appJar, String bootstrap, String topic, Path work) throws Exception {
        int port = FreePorts.pick();
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", appJar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("producer-" + topic + ".log").toFile());
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        builder.environment().put("STOCK_TOPIC", topic);
        builder.environment().put("PRODUCER_SOURCE", "synthetic");
        builder.environment().put("PRODUCER_SYMBOL_COUNT", "100");
        builder.environment().put("PRODUCER_RATE", "10000000");
        builder.environment().put("PRODUCER_API_PASSWORD", "bench-password-of-16+chars");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Process app = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI status = URI.create("http://localhost:" + port + "/producer/status");
            awaitUp(http, status, app);
            Thread.sleep(WARMUP_SECONDS * 1000L);
            long startSent = sent(http, status);
            long start = System.nanoTime();
            Thread.sleep(MEASURE_SECONDS * 1000L);
            long endSent = sent(http, status);
            double seconds = (System.nanoTime() - start) / 1e9;
            return (endSent - startSent) / seconds;
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static double runProducerPerformance(String bootstrap, String topic, Path payloads, long records, Path work)
            throws Exception {
        Process perf = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--throughput", "-1",
                "--payload-file", payloads.toString(),
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
                "compression.type=lz4", "linger.ms=5", "batch.size=131072")
                .redirectErrorStream(true).start();
        String output = new String(perf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        perf.waitFor();
        Files.writeString(work.resolve("perf-" + topic + ".log"), output);
        Matcher summary = null;
        for (String line : output.lines().toList()) {
            Matcher m = PERF_SUMMARY.matcher(line);
            if (m.find() && line.contains("99.9th")) {
                summary = m;
            }
        }
        if (summary == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return Double.parseDouble(summary.group(2));
    }

    private static void awaitUp(HttpClient http, URI status, Process app) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the producer exited with " + app.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the producer did not answer on " + status);
    }

    private static long sent(HttpClient http, URI status) throws Exception {
        String body = http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"sent\":(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no sent count in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
