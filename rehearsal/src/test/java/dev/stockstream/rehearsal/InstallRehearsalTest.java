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

    private static final String OUTPUT_ROOT = "hdfs://stock-streaming-hdfs-namenode:8020/stockstream";

    private static Cluster cluster;
    private static Release release;
    private static UserSteps steps;
    private static Instant installed;

    @BeforeAll
    static void install() {
        cluster = Cluster.start(Chart.repoRoot(), Rehearsals.workDirectory(InstallRehearsalTest.class), "default");
        installed = Instant.now();
        release = new Release(cluster, Chart.RELEASE).install(Map.of());
        steps = new UserSteps(cluster, release, Chart.RELEASE);
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
    void scalingTheExecutorsResubmitsTheJobWhichResumesOnFourWorkerHostsWithNothingLostOrDoubled() {
        steps.latestBatchThroughTheService();

        steps.scaleTo(4, OUTPUT_ROOT);

        steps.nothingLostOrDoubled(OUTPUT_ROOT, "stock-streaming-kafka:9092", "stockTopic");
    }
}
