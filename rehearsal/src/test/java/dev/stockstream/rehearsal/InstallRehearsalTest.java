package dev.stockstream.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockstream.helm.Chart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The users' steps on a default install, rehearsed: {@code helm install}, the NOTES'
 * {@code kubectl port-forward}, {@code helm test}, and {@code helm upgrade --set
 * spark.executor.instances=4}. One release serves the tests; each leaves it installed and running.
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class InstallRehearsalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);

    private static Cluster cluster;
    private static Release release;
    private static Instant installed;

    @BeforeAll
    static void install() {
        cluster = Cluster.start(Chart.repoRoot(), Path.of("target", "rehearsal").toAbsolutePath(), "default");
        installed = Instant.now();
        release = new Release(cluster, Chart.RELEASE).install(Map.of());
    }

    @AfterAll
    static void uninstall() {
        if (release != null) {
            release.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aDefaultInstallBecomesReadyItsJobsCompleteAndTheFirstBatchReachesTheDashboardThroughItsService() {
        String latest = awaitOrExplain("the first batch on the dashboard, fetched through the visualizer's Service from the producer's pod",
                () -> Fetch.fromPod(cluster, producerPod(), "http://stock-streaming-visualizer:8080/api/batches/latest"));
        Duration toFirstBatch = Duration.between(installed, Instant.now());
        System.out.printf("rehearsal install_to_first_batch_s=%d%n", toFirstBatch.toSeconds());

        assertThat(field(latest, "batchId").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(field(latest, "ticks").asLong()).isPositive();
        awaitOrExplain("every pod ready and both Jobs complete", () -> release.workloadsReady()
                && release.jobs().size() == 2 && release.jobs().values().stream().allMatch(Boolean.TRUE::equals) ? "ready" : null);
        assertThat(release.jobs()).containsOnlyKeys("stock-streaming-kafka-topic-1", "stock-streaming-hdfs-init-1");
    }

    @Test
    void theNotesPortForwardShowsTheDashboardWithBothChartsAndHelmTestPasses() throws Exception {
        String latest = awaitOrExplain("a committed batch", () -> Fetch.fromPod(cluster, producerPod(),
                "http://stock-streaming-visualizer:8080/api/batches/latest"));
        Matcher command = Pattern.compile("kubectl --namespace default port-forward service/(\\S+) (\\d+):(\\d+)")
                .matcher(release.notes());
        assertThat(command.find()).as("the NOTES' port-forward command").isTrue();
        try (PortForward forward = PortForward.play(cluster, release, command.group(1),
                Integer.parseInt(command.group(2)), Integer.parseInt(command.group(3)))) {
            String page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + forward.localPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("id=\"bar\"><svg", "id=\"trend\"><svg");
            Matcher shown = Pattern.compile("id=\"batch-id\">(\\d+)<").matcher(page);
            assertThat(shown.find()).as("the page names its batch").isTrue();
            assertThat(Long.parseLong(shown.group(1))).isGreaterThanOrEqualTo(field(latest, "batchId").asLong());
        }
        Map<String, Release.TestPod> tests = release.test(Duration.ofMinutes(2));
        assertThat(tests).isNotEmpty();
        tests.forEach((pod, result) -> assertThat(result.passed()).as("helm test pod %s:%n%s", pod, result.log()).isTrue());
    }

    @Test
    void scalingTheExecutorsResubmitsTheJobWhichResumesOnFourWorkerHostsWithNothingLostOrDoubled() throws Exception {
        awaitOrExplain("a committed batch", () -> Fetch.fromPod(cluster, producerPod(),
                "http://stock-streaming-visualizer:8080/api/batches/latest"));
        int before = release.operator().submissions();

        release.upgrade(Map.of("spark.executor.instances", 4));

        assertThat(release.operator().submissions()).isEqualTo(before + 1);
        assertThat(release.operator().workerPods()).hasSize(4);
        String master = release.operator().masterPod();
        awaitOrExplain("4 executors on 4 worker hosts", () -> {
            JsonNode state = JSON.readTree(Fetch.fromPod(cluster, producerPod(), "http://" + master + ":8080/json/"));
            JsonNode apps = state.path("activeapps");
            long busyWorkers = 0;
            for (JsonNode worker : state.path("workers")) {
                busyWorkers += worker.path("coresused").asInt() > 0 ? 1 : 0;
            }
            return apps.size() == 1 && apps.get(0).path("cores").asInt() == 4 && busyWorkers == 4 ? "4" : null;
        });
        long lastBefore = Ledger.committed(outputRoot()).inputs().lastKey();
        awaitOrExplain("a batch committed by the resubmitted job",
                () -> Ledger.committed(outputRoot()).inputs().lastKey() > lastBefore + 1 ? "more" : null);

        Fetch.fromPod(cluster, release.pods("StatefulSet/stock-streaming-kafka").get(0),
                "http://stock-streaming-producer:8080/producer/pause", "POST");
        SortedMap<String, Long> produced = Ledger.validOnTopic("stock-streaming-kafka:9092", "stockTopic");
        awaitOrExplain("the committed batches catching up with the paused topic",
                () -> Ledger.committed(outputRoot()).ticks().equals(produced) ? "equal" : null);
        Ledger.Committed committed = Ledger.committed(outputRoot());
        assertThat(committed.ticks()).isEqualTo(produced);
        assertThat(committed.rangeFaults()).isEmpty();
        Fetch.fromPod(cluster, release.pods("StatefulSet/stock-streaming-kafka").get(0),
                "http://stock-streaming-producer:8080/producer/resume", "POST");
    }

    private static String outputRoot() {
        return "hdfs://stock-streaming-hdfs-namenode:8020/stockstream";
    }

    private static String producerPod() {
        return release.pods("Deployment/stock-streaming-producer").get(0);
    }

    private static JsonNode field(String json, String name) {
        try {
            return JSON.readTree(json).path(name);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static <T> T awaitOrExplain(String what, Fetch.Attempt<T> attempt) {
        return Waits.until(cluster, what, INSTALL_TIMEOUT, attempt);
    }
}
