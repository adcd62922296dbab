package dev.stockstream.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.CandleProgress;
import dev.stockstream.store.BatchReader;
import dev.stockstream.store.CandleReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * One fault while the producer streams: injected, waited out, and checked. Recovery is the time
 * from the fault's end (the kill; the cut restored) until the dashboard's API, through the
 * visualizer's Service, serves a batch the job began after it. Then the committed batches are
 * balanced against a recount of the topic. Prints
 * {@code chaos fault=<name> recovered_s=<s> lost=<n> duplicated=<n>} (bench/chaos.sh collects
 * the lines) before it asserts.
 */
final class FaultDrill {

    /** The longest a fault may take to recover from, the NameNode's restart and safe mode included. */
    static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(8);

    /** What a fault does; returns when it was over (the process killed, the link back up), recovery's start. */
    @FunctionalInterface
    interface Fault {
        Instant inject() throws Exception;
    }

    private final Cluster cluster;
    private final UserSteps steps;
    private final String fullname;
    private final String outputRoot;
    private final String bootstrapServers;
    private final String topic;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FaultDrill(Cluster cluster, UserSteps steps, String fullname, String outputRoot, String bootstrapServers, String topic) {
        this.cluster = cluster;
        this.steps = steps;
        this.fullname = fullname;
        this.outputRoot = outputRoot;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /** Runs {@code fault} on a streaming, healthy release, then reports and checks the ledger. */
    Ledger.Balance run(String name, Fault fault) throws Exception {
        return report(name, recover(name, fault));
    }

    /** Runs {@code fault} on a streaming, healthy release and waits for the recovery; returns its seconds. */
    long recover(String name, Fault fault) throws Exception {
        streaming();
        long before = latestCommitted();
        Instant over = fault.inject();
        long mark = latestCommittedOr(before);
        // mark + 1 may have been under way when the fault ended; mark + 2 was begun after it
        Waits.until(cluster, "the dashboard serving a batch the job began after fault " + name, RECOVERY_TIMEOUT,
                () -> dashboardLatest() >= mark + 2 ? "recovered" : null);
        long recovered = Duration.between(over, Instant.now()).toSeconds();
        long candleMark = latestCandleBatchOr(-1);
        Waits.until(cluster, "a candle batch the job began after fault " + name, RECOVERY_TIMEOUT,
                () -> latestCandleBatchOr(-1) >= candleMark + 2 ? "candles on" : null);
        return recovered;
    }

    /** Balances the ledger after a fault and its recovery; prints the chaos line, then asserts nothing was lost or doubled. */
    Ledger.Balance report(String name, long recoveredSeconds) {
        return report(name, recoveredSeconds, 0);
    }

    /**
     * As {@link #report(String, long)}, with {@code resent} records the fault had written to the topic
     * twice (a restarted producer's), counted as duplicated with what the batches hold twice. Batches
     * whose Kafka ranges overlap or leave a gap fail before the line is printed: no figure is right then.
     */
    Ledger.Balance report(String name, long recoveredSeconds, long resent) {
        Ledger.Balance balance = Waits.until(cluster, "the ledger read after fault " + name, Duration.ofMinutes(2),
                () -> Ledger.balance(outputRoot, bootstrapServers, topic));
        assertThat(balance.rangeFaults()).as("Kafka ranges of the committed batches after %s", name).isEmpty();
        System.out.printf("chaos fault=%s recovered_s=%d lost=%d duplicated=%d%n", name, recoveredSeconds,
                balance.lost(), balance.duplicated() + resent);
        assertThat(balance.lost()).as("ticks lost by %s (of %d on the topic)", name, balance.ticksOnTopic()).isZero();
        assertThat(balance.duplicated()).as("ticks doubled by %s", name).isZero();
        assertThat(resent).as("records on the topic that %s sent again", name).isZero();
        assertThat(balance.batches()).isPositive();
        Ledger.CandleBalance candles = Waits.until(cluster, "the candle ledger read after fault " + name, Duration.ofMinutes(2),
                () -> Ledger.candleBalance(outputRoot, bootstrapServers, topic));
        System.out.printf("chaos fault=%s candles=%d candle_ticks=%d candle_ticks_missing=%d late_ticks=%d candle_ticks_extra=%d "
                        + "candles_twice=%d%n", name, candles.candles(), candles.ticksInClosedWindows(), candles.missing(),
                candles.late(), candles.extra(), candles.candlesTwice());
        assertThat(candles.candles()).as("candles written by the time of fault %s", name).isPositive();
        assertThat(candles.missing()).as("ticks of closed windows in no candle after %s: the late ticks counted", name)
                .isEqualTo(candles.late());
        assertThat(candles.extra()).as("ticks candles hold beyond the topic's after %s", name).isZero();
        assertThat(candles.candlesTwice()).as("windows written twice after %s", name).isZero();
        return balance;
    }

    /** The producer resumed (a test before may have paused it) and a batch on the dashboard. */
    void streaming() {
        steps.await("the producer streaming", () -> asOperator("POST", "http://" + fullname + "-producer:8080/producer/resume"));
        steps.await("a batch on the dashboard", () -> dashboardLatest() >= 0 ? "up" : null);
    }

    /** The newest batch id the dashboard's API serves through the visualizer's Service (-1: none, or unreachable). */
    long dashboardLatest() {
        try {
            String body = request("GET", "http://" + fullname + "-visualizer:8080/api/batches/latest");
            return body == null ? -1 : UserSteps.json(body).path("batchId").asLong(-1);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The batch the {@code _LATEST} pointer names, read from HDFS. */
    long latestCommitted() throws IOException {
        try (BatchReader output = BatchReader.open(URI.create(outputRoot), new Configuration())) {
            return output.latestBatchId().orElse(-1);
        }
    }

    /** The candle batch the candle pointer names, or {@code fallback} when there is none or HDFS cannot be read. */
    private long latestCandleBatchOr(long fallback) {
        Configuration conf = new Configuration();
        conf.setInt("ipc.client.connect.max.retries", 0);
        try (FileSystem fs = FileSystem.newInstance(URI.create(outputRoot), conf)) {
            return new CandleReader(fs, URI.create(outputRoot)).progress().map(CandleProgress::batchId).orElse(fallback);
        } catch (IOException e) {
            return fallback;
        }
    }

    private long latestCommittedOr(long fallback) {
        Configuration conf = new Configuration();
        conf.setInt("ipc.client.connect.max.retries", 0);
        try (BatchReader output = BatchReader.open(URI.create(outputRoot), conf)) {
            return Math.max(fallback, output.latestBatchId().orElse(-1));
        } catch (IOException e) {
            return fallback;
        }
    }

    /**
     * What {@code url} answers with status 2xx, asked from the test JVM on the bridge (null on any other
     * answer): not {@link Fetch#fromPod}, since each pod is killed by one fault or another.
     */
    String request(String method, String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** As {@link #request}, as the producer's API user. */
    String asOperator(String method, String url) throws IOException, InterruptedException {
        String credential = java.util.Base64.getEncoder().encodeToString(
                ("operator:" + steps.producerApiPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + credential)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() / 100 == 2 ? response.body() : null;
    }
}
