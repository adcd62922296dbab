package dev.stockstream.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The users' steps on a rehearsed release, and what each must show; shared by the rehearsal's tests. */
final class UserSteps {

    static final Duration TIMEOUT = Duration.ofMinutes(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cluster cluster;
    private final Release release;
    private final String fullname;

    UserSteps(Cluster cluster, Release release, String fullname) {
        this.cluster = cluster;
        this.release = release;
        this.fullname = fullname;
    }

    <T> T await(String what, Fetch.Attempt<T> attempt) {
        return Waits.until(cluster, what, TIMEOUT, attempt);
    }

    String producerPod() {
        return release.pods("Deployment/" + fullname + "-producer").get(0);
    }

    /** The newest batch as the dashboard's API gives it, fetched through the visualizer's Service name from the producer's pod. */
    JsonNode latestBatchThroughTheService() {
        String latest = await("a batch on the dashboard, fetched through the visualizer's Service from another pod",
                () -> Fetch.fromPod(cluster, producerPod(), "http://" + fullname + "-visualizer:8080/api/batches/latest"));
        return json(latest);
    }

    /** Every pod of the release ready and each of its Jobs complete. */
    void allReadyAndJobsComplete(String... jobs) {
        await("every pod ready and the Jobs " + String.join(", ", jobs) + " complete", () -> release.workloadsReady()
                && release.jobs().keySet().containsAll(java.util.List.of(jobs))
                && release.jobs().values().stream().allMatch(Boolean.TRUE::equals) ? "ready" : null);
        assertThat(release.jobs()).containsOnlyKeys(jobs);
    }

    /** {@code helm upgrade --set spark.executor.instances=N}: resubmitted, N executors on N worker hosts, batches again. */
    void scaleTo(int executors, String outputRoot) {
        long lastBefore = Ledger.committed(outputRoot).inputs().lastKey();
        int submissions = release.operator().submissions();

        release.upgrade(Map.of("spark.executor.instances", executors));

        assertThat(release.operator().submissions()).isEqualTo(submissions + 1);
        assertThat(release.operator().workerPods()).hasSize(executors);
        String master = release.operator().masterPod();
        await(executors + " executors on " + executors + " worker hosts", () -> {
            JsonNode state = json(Fetch.fromPod(cluster, producerPod(), "http://" + master + ":8080/json/"));
            JsonNode apps = state.path("activeapps");
            long busyWorkers = 0;
            for (JsonNode worker : state.path("workers")) {
                busyWorkers += worker.path("state").asText().equals("ALIVE") && worker.path("coresused").asInt() > 0 ? 1 : 0;
            }
            return apps.size() == 1 && apps.get(0).path("cores").asInt() == executors && busyWorkers == executors ? "up" : null;
        });
        await("a batch committed by the resubmitted job",
                () -> Ledger.committed(outputRoot).inputs().lastKey() > lastBefore + 1 ? "more" : null);
    }

    /**
     * With the producer paused, the committed batches' tick counts per symbol equal a recount of
     * the topic's valid ticks, and the batches' Kafka ranges follow each other without overlap.
     */
    void nothingLostOrDoubled(String outputRoot, String bootstrapServers, String topic) {
        String pause = "http://" + fullname + "-producer:8080/producer/pause";
        // A pause answers once what it sent is acknowledged; in flight is not 0 only when that took too long.
        await("the producer paused with no tick in flight", () -> {
            JsonNode status = json(Fetch.asOperator(cluster, producerPod(), pause, "POST", producerApiPassword()));
            return status.path("paused").asBoolean() && status.path("inFlight").asInt(-1) == 0 ? status : null;
        });
        try {
            SortedMap<String, Long> produced = Ledger.validOnTopic(bootstrapServers, topic);
            assertThat(produced).isNotEmpty();
            SortedMap<String, Long> difference = new TreeMap<>();
            try {
                await("the committed batches catching up with the paused topic", () -> {
                    difference.clear();
                    difference.putAll(Ledger.difference(Ledger.committed(outputRoot).ticks(), produced));
                    return difference.isEmpty() ? "equal" : null;
                });
            } catch (AssertionError e) {
                throw new AssertionError("committed batches minus the topic's valid ticks, per symbol: " + difference, e);
            }
            Ledger.Committed committed = Ledger.committed(outputRoot);
            assertThat(committed.ticks()).isEqualTo(produced);
            assertThat(committed.rangeFaults()).isEmpty();
        } finally {
            Fetch.asOperator(cluster, producerPod(), "http://" + fullname + "-producer:8080/producer/resume", "POST",
                    producerApiPassword());
        }
    }

    /** The password of the producer's write endpoints, from the Secret the chart created (as its NOTES show). */
    String producerApiPassword() {
        return cluster.secret(fullname + "-producer-api", "password");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
