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
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The users' steps on a scaled-out install: 3 Kafka brokers (topic replication 3, 2 in sync), 3 DataNodes,
 * HDFS replication 2; and the faults such a cluster is built to survive (tagged {@code chaos}).
 * A pod lost for good is given back at the end of its test (its node replaced).
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class ScaledOutRehearsalTest {

    private static final String OUTPUT_ROOT = "hdfs://stock-streaming-hdfs-namenode:8020/stockstream";
    private static final String KAFKA = "stock-streaming-kafka:9092";

    private static Cluster cluster;
    private static Release release;
    private static UserSteps steps;
    private static FaultDrill drill;
    private static Faults faults;

    @BeforeAll
    static void install() {
        cluster = Cluster.start(Chart.repoRoot(), Rehearsals.workDirectory(ScaledOutRehearsalTest.class), "default");
        release = new Release(cluster, Chart.RELEASE).install(Map.of("kafka.replicas", 3, "kafka.topic.replicationFactor", 3,
                "kafka.topic.minInsyncReplicas", 2, "hdfs.datanode.replicas", 3, "hdfs.replication", 2));
        steps = new UserSteps(cluster, release, Chart.RELEASE);
        drill = new FaultDrill(cluster, steps, Chart.RELEASE, OUTPUT_ROOT, KAFKA, "stockTopic");
        faults = new Faults(cluster, release, OUTPUT_ROOT);
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
            assertThat(topic.partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "stockTopic");
            assertThat(admin.describeConfigs(Set.of(resource)).all().get().get(resource).get("min.insync.replicas").value())
                    .isEqualTo("2");
        }
        assertThat(liveDataNodes()).as("live DataNodes").isEqualTo(3);
        try (FileSystem fs = FileSystem.newInstance(URI.create(OUTPUT_ROOT), new Configuration())) {
            long batch = Ledger.committed(OUTPUT_ROOT).inputs().lastKey();
            Path input = new Path(OUTPUT_ROOT + "/" + OutputLayout.batchDir(batch) + "/" + OutputLayout.INPUT_FILE);
            assertThat(fs.getFileStatus(input).getReplication()).as("replication of %s", input).isEqualTo((short) 2);
        }

        steps.scaleTo(4, OUTPUT_ROOT);

        steps.nothingLostOrDoubled(OUTPUT_ROOT, KAFKA, "stockTopic");
    }

    @Test
    @Tag("chaos")
    void oneBrokerOfThreeLostForGoodLeavesTheStreamToTheOtherTwo() throws Exception {
        String broker = release.pods("StatefulSet/stock-streaming-kafka").get(2);
        try {
            drill.run("broker-lost", () -> faults.killForGood(broker));
        } finally {
            replace(broker);
        }
    }

    @Test
    @Tag("chaos")
    void oneDataNodeOfThreeLostForGoodThenTheNameNodeRestartedLoseNothing() throws Exception {
        String dataNode = release.pods("StatefulSet/stock-streaming-hdfs-datanode").get(2);
        try {
            drill.run("datanode-lost", () -> faults.killForGood(dataNode));
            drill.run("namenode-restarted", () -> faults.kill(release.pods("StatefulSet/stock-streaming-hdfs-namenode").get(0)));
        } finally {
            replace(dataNode);
        }
    }

    /** Gives the pod back (its node replaced) and waits until the cluster is whole again, as the other tests expect it. */
    private static void replace(String pod) {
        release.replace(pod);
        steps.await(pod + " replaced and ready", () -> cluster.pod(pod).filter(Pod::ready).isPresent() ? "ready" : null);
        steps.await("3 brokers with every partition's 3 replicas in sync, and 3 live DataNodes", () -> whole() ? "whole" : null);
    }

    private static boolean whole() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            if (admin.describeCluster().nodes().get().size() != 3 || admin.describeTopics(Set.of("stockTopic")).allTopicNames().get()
                    .get("stockTopic").partitions().stream().anyMatch(partition -> partition.isr().size() != 3)) {
                return false;
            }
        }
        return liveDataNodes() == 3;
    }

    private static int liveDataNodes() throws Exception {
        String nameNodeState = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://stock-streaming-hdfs-namenode:9870/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return UserSteps.json(nameNodeState).path("beans").path(0).path("NumLiveDataNodes").asInt();
    }
}
