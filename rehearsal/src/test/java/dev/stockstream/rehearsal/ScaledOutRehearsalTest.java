package dev.stockstream.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.helm.Chart;
import dev.stockstream.model.OutputLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The users' steps on a scaled-out install: 3 Kafka brokers, 3 DataNodes, HDFS replication 2. */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class ScaledOutRehearsalTest {

    private static final String OUTPUT_ROOT = "hdfs://stock-streaming-hdfs-namenode:8020/stockstream";
    private static final String KAFKA = "stock-streaming-kafka:9092";

    private static Cluster cluster;
    private static Release release;
    private static UserSteps steps;

    @BeforeAll
    static void install() {
        cluster = Cluster.start(Chart.repoRoot(), Rehearsals.workDirectory(ScaledOutRehearsalTest.class), "default");
        release = new Release(cluster, Chart.RELEASE).install(Map.of("kafka.replicas", 3,
                "hdfs.datanode.replicas", 3, "hdfs.replication", 2));
        steps = new UserSteps(cluster, release, Chart.RELEASE);
    }

    @AfterAll
    static void uninstall() {
        Rehearsals.close(release, cluster);
    }

    @Test
    void threeBrokersAndThreeDataNodesServeTheJobWhichScalesToFourExecutorsWithNothingLostOrDoubled() throws Exception {
        steps.latestBatchThroughTheService();
        steps.allReadyAndJobsComplete("stock-streaming-kafka-topic-1", "stock-streaming-hdfs-init-1");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
            TopicDescription topic = admin.describeTopics(Set.of("stockTopic")).allTopicNames().get().get("stockTopic");
            Set<Integer> leaders = topic.partitions().stream().map(p -> p.leader().id()).collect(Collectors.toSet());
            assertThat(leaders).as("partition leaders spread over the brokers").hasSizeGreaterThan(1);
        }
        String nameNodeState = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://stock-streaming-hdfs-namenode:9870/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(UserSteps.json(nameNodeState).path("beans").path(0).path("NumLiveDataNodes").asInt()).isEqualTo(3);
        try (FileSystem fs = FileSystem.newInstance(URI.create(OUTPUT_ROOT), new Configuration())) {
            long batch = Ledger.committed(OUTPUT_ROOT).inputs().lastKey();
            Path input = new Path(OUTPUT_ROOT + "/" + OutputLayout.batchDir(batch) + "/" + OutputLayout.INPUT_FILE);
            assertThat(fs.getFileStatus(input).getReplication()).as("replication of %s", input).isEqualTo((short) 2);
        }

        steps.scaleTo(4, OUTPUT_ROOT);

        steps.nothingLostOrDoubled(OUTPUT_ROOT, KAFKA, "stockTopic");
    }
}
