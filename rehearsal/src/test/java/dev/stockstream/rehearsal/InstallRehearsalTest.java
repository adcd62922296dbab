package dev.stockstream.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockstream.helm.Chart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The users' steps on a default install, rehearsed: {@code helm install}, the NOTES'
 * {@code kubectl port-forward}, {@code helm test}, and {@code helm upgrade --set
 * spark.executor.instances=4}; and the faults of a cluster with one broker, each while the producer
 * streams (tagged {@code chaos}: bench/chaos.sh runs them). One release serves the tests; each
 * leaves it installed and running.
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class InstallRehearsalTest {

    private static final String OUTPUT_ROOT = "hdfs://stock-streaming-hdfs-namenode:8020/stockstream";
    private static final String KAFKA = "stock-streaming-kafka:9092";

    private static Cluster cluster;
    private static Release release;
    private static UserSteps steps;
    private static Instant installed;
    private static FaultDrill drill;
    private static Faults faults;

    @BeforeAll
    static void install() {
        cluster = Cluster.start(Chart.repoRoot(), Rehearsals.workDirectory(InstallRehearsalTest.class), "default");
        installed = Instant.now();
        release = new Release(cluster, Chart.RELEASE).install(Map.of());
        steps = new UserSteps(cluster, release, Chart.RELEASE);
        drill = new FaultDrill(cluster, steps, Chart.RELEASE, OUTPUT_ROOT, KAFKA, "stockTopic");
        faults = new Faults(cluster, release, OUTPUT_ROOT);
    }

    @AfterAll
    static void uninstall() {
        Rehearsals.close(release, cluster);
    }

    @Test
    void aDefaultInstallBecomesReadyItsJobsCompleteAndTheFirstBatchReachesTheDashboardThroughItsService() {
        JsonNode latest = steps.latestBatchThroughTheService();
        System.out.printf("rehearsal install_to_first_batch_s=%d%n", Duration.between(installed, Instant.now()).toSeconds());

        assertThat(latest.path("batchId").asLong(-1)).isGreaterThanOrEqualTo(0);
        assertThat(latest.path("ticks").asLong()).isPositive();
        steps.allReadyAndJobsComplete("stock-streaming-kafka-topic-1", "stock-streaming-hdfs-init-1");
    }

    @Test
    void theNotesPortForwardShowsTheDashboardWithBothChartsAndHelmTestPasses() throws Exception {
        JsonNode latest = steps.latestBatchThroughTheService();
        Matcher command = Pattern.compile("kubectl --namespace default port-forward service/(\\S+) (\\d+):(\\d+)")
                .matcher(release.notes());
        assertThat(command.find()).as("the NOTES' port-forward command").isTrue();
        try (PortForward forward = PortForward.play(cluster, release, command.group(1),
                Integer.parseInt(command.group(2)), Integer.parseInt(command.group(3)))) {
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + forward.localPort() + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("id=\"bar\"><svg", "id=\"trend\"><svg");
            Matcher shown = Pattern.compile("id=\"batch-id\">(\\d+)<").matcher(page);
            assertThat(shown.find()).as("the page names its batch").isTrue();
            assertThat(Long.parseLong(shown.group(1))).isGreaterThanOrEqualTo(latest.path("batchId").asLong());
        }
        Map<String, Release.TestPod> tests = release.test(Duration.ofMinutes(2));
        assertThat(tests).containsOnlyKeys("stock-streaming-test-dashboard");
        tests.forEach((pod, result) -> assertThat(result.passed()).as("helm test pod %s:%n%s", pod, result.log()).isTrue());
    }

    @Test
    void theProducersWriteEndpointsNeedTheCredentialOfTheChartsSecretWhileItsStatusStaysOpen() {
        steps.latestBatchThroughTheService();
        String visualizer = release.pods("Deployment/stock-streaming-visualizer").get(0);
        String producer = "http://stock-streaming-producer:8080/producer/";
        assertThat(Fetch.status(cluster, visualizer, producer + "pause", "POST")).isEqualTo(401);
        assertThat(Fetch.status(cluster, visualizer, producer + "status", "GET")).isEqualTo(200);
        String resumed = Fetch.asOperator(cluster, visualizer, producer + "resume", "POST", steps.producerApiPassword());
        assertThat(resumed).as("resume with the Secret's password").isNotNull();
        assertThat(UserSteps.json(resumed).path("paused").asBoolean()).isFalse();
    }

    @Test
    void scalingTheExecutorsResubmitsTheJobWhichResumesOnFourWorkerHostsWithNothingLostOrDoubled() {
        steps.latestBatchThroughTheService();

        steps.scaleTo(4, OUTPUT_ROOT);

        steps.nothingLostOrDoubled(OUTPUT_ROOT, KAFKA, "stockTopic");
    }

    @Test
    @Tag("chaos")
    void theDriverKilledMidBatchTwiceIsResubmittedByTheOperatorAndResumesFromItsCheckpoint() throws Exception {
        long first = drill.recover("driver-killed", faults::killDriverMidBatch);
        long second = drill.recover("driver-killed", faults::killDriverMidBatch);

        drill.report("driver-killed-twice", Math.max(first, second));
    }

    @Test
    @Tag("chaos")
    void anExecutorsWorkerPodKilledHasItsTasksRescheduled() throws Exception {
        drill.run("executor-killed", () -> faults.kill(release.operator().workerPods().get(0)));
    }

    @Test
    @Tag("chaos")
    void anExecutorCutOffTheNetworkForThirtySecondsRejoins() throws Exception {
        drill.run("executor-network-cut-30s", () -> faults.cutOff(release.operator().workerPods().get(0), Duration.ofSeconds(30)));
    }

    @Test
    @Tag("chaos")
    void theOnlyBrokerRestartedIsWaitedForByTheProducerAndTheJob() throws Exception {
        drill.run("broker-restarted", () -> faults.kill(release.pods("StatefulSet/stock-streaming-kafka").get(0)));
    }

    @Test
    @Tag("chaos")
    void theProducerKilledAndRestartedDoublesNoTick() throws Exception {
        String producer = steps.producerPod();
        drill.streaming();
        int inFlight = UserSteps.json(drill.request("GET", "http://stock-streaming-producer:8080/producer/status")).path("inFlight").asInt();
        int restarts = cluster.pod(producer).orElseThrow().restarts();
        AtomicReference<Map<Integer, Long>> newSession = new AtomicReference<>();

        long recovered = drill.recover("producer-restarted", () -> {
            Instant killed = faults.kill(producer);
            newSession.set(Ledger.endOffsets(KAFKA, "stockTopic"));
            steps.await("the producer restarted and ready", () -> cluster.pod(producer).filter(Pod::ready)
                    .filter(pod -> pod.restarts() > restarts).isPresent() ? "ready" : null);
            return killed;
        });

        long resent = Ledger.resentAfter(KAFKA, "stockTopic", newSession.get());
        System.out.printf("chaos producer-restarted in_flight_before_kill=%d resent_records=%d%n", inFlight, resent);
        drill.report("producer-restarted", recovered, resent);
    }

    @Test
    @Tag("chaos")
    void theVisualizerKilledUnderAnOpenEventStreamIsReconnectedToAndCatchesUp() throws Exception {
        String visualizer = release.pods("Deployment/stock-streaming-visualizer").get(0);
        try (EventStreamClient browser = new EventStreamClient(URI.create("http://stock-streaming-visualizer:8080/events?shown=-1"))) {
            drill.streaming();
            steps.await("the first dashboard event", () -> browser.newestBatchId() >= 0 ? "open" : null);
            int connections = browser.connections();

            Instant killed = faults.kill(visualizer);
            long mark = drill.latestCommitted();
            try {
                Waits.until(cluster, "the browser reconnected and sent a batch begun after the kill", FaultDrill.RECOVERY_TIMEOUT,
                        () -> browser.connections() > connections && browser.newestBatchId() >= mark + 2 ? "caught up" : null);
            } catch (AssertionError e) {
                throw new AssertionError(browser + "; committed at the kill: batch " + mark + ", connections before: " + connections, e);
            }

            drill.report("visualizer-restarted", Duration.between(killed, browser.newestArrived()).toSeconds());
        }
    }
}
