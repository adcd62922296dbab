package dev.stockstream.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.helm.Chart;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The users' steps with Kafka and HDFS outside the release: the rehearsal runs them first (the
 * chart's own Kafka and HDFS objects of another release, "external", as a platform team would
 * run them), then installs the release with {@code kafka.enabled=false} and {@code hdfs.enabled=false}.
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class ExternalServicesRehearsalTest {

    private static final String KAFKA = "external-stock-streaming-kafka:9092";
    private static final String HDFS = "hdfs://external-stock-streaming-hdfs-namenode:8020";

    private static Cluster cluster;
    private static Release external;
    private static Release release;
    private static UserSteps steps;

    @BeforeAll
    static void install() {
        cluster = Cluster.start(Chart.repoRoot(), Rehearsals.workDirectory(ExternalServicesRehearsalTest.class), "default");
        external = new Release(cluster, "external", object -> {
            String component = object.path("metadata").path("labels").path("app.kubernetes.io/component").asText();
            return component.startsWith("kafka") || component.startsWith("hdfs");
        }).install(Map.of());
        release = new Release(cluster, Chart.RELEASE).install(Map.of("kafka.enabled", false,
                "kafka.external.bootstrapServers", KAFKA, "hdfs.enabled", false, "hdfs.external.uri", HDFS));
        steps = new UserSteps(cluster, release, Chart.RELEASE);
    }

    @AfterAll
    static void uninstall() {
        Rehearsals.close(release, null);
        Rehearsals.close(external, cluster);
    }

    @Test
    void theReleaseRunsOnExternalKafkaAndHdfsWithNothingLostOrDoubled() {
        assertThat(release.rendered().ofKind("StatefulSet")).as("no Kafka or HDFS in the release").isEmpty();

        steps.latestBatchThroughTheService();
        steps.allReadyAndJobsComplete("stock-streaming-kafka-topic-1");

        steps.nothingLostOrDoubled(HDFS + "/stockstream", KAFKA, "stockTopic");
    }
}
