package dev.stockstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockstream.embedded.FreePorts;
import dev.stockstream.store.BatchReader;
import dev.stockstream.store.CommittedBatch;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the runner started by {@code run-local.sh}: its children die with it and free
 * their ports, and the next run on the same data directory resumes, each tick counted once.
 */
@Timeout(600)
class RunnerKilledHardIT {

    private static final Path REPO_ROOT = Path.of(System.getProperty("stock.repo.root")).toAbsolutePath().normalize();
    private static final Path LOG_DIR = Path.of(System.getProperty("stock.log.dir"));

    @TempDir
    Path dataDir;

    /** The options both runs are given, as the runner parses them. */
    private LocalConfig config;
    /** Every runner and child this test saw, stopped after it whatever happened. */
    private final List<ProcessHandle> seen = new ArrayList<>();

    @BeforeEach
    void pickPorts() {
        config = new LocalConfig(dataDir, REPO_ROOT, false, "stockTopic", "csv", 300, 0, "1s", 5,
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick());
    }

    @AfterEach
    void stopEverything() {
        seen.forEach(process -> process.descendants().forEach(ProcessHandle::destroyForcibly));
        seen.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theChildrenDieWithTheRunnerAndTheNextRunResumesCountingEachTickOnce() throws Exception {
        assertThat(ChildLauncher.create().childrenDieWithRunner()).as("setpriv is missing: install util-linux").isTrue();
        ProcessHandle first = startRunner(1);
        awaitDashboard();
        await().atMost(Duration.ofMinutes(2)).until(() -> committedBatches().size() >= 2);
        List<ProcessHandle> children = first.descendants().toList();
        seen.addAll(children);
        assertThat(children).as("the producer and the visualizer")
                .filteredOn(child -> child.info().commandLine().orElse("").contains("quarkus-run.jar")).hasSize(2);
        SortedMap<Long, CommittedBatch> beforeTheKill = committedBatches();

        first.destroyForcibly();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(first.isAlive()).isFalse();
            assertThat(children).as(() -> "children of the killed runner still running: " + running(children))
                    .noneMatch(ProcessHandle::isAlive);
            assertThat(ports()).allMatch(FreePorts::isFree);
        });

        startRunner(2);
        awaitDashboard();
        long lastBeforeTheKill = beforeTheKill.lastKey();
        await().atMost(Duration.ofMinutes(2)).until(() -> committedBatches().lastKey() >= lastBeforeTheKill + 2);
        Http.postAsOperator(config.producerUrl() + "/producer/pause", config.producerApiPassword());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.number(Http.get(config.producerUrl() + "/producer/status"), "inFlight") == 0);
        SortedMap<String, Long> onTopic = TickCounts.validOnTopic(config.bootstrapServers(), config.topic());

        SortedMap<String, Long> committed = await().atMost(Duration.ofMinutes(2))
                .until(() -> TickCounts.inCommittedBatches(config.outputRoot()),
                        counts -> TickCounts.total(counts) >= TickCounts.total(onTopic));
        assertThat(committed).as("tick_count per symbol over all committed batches: each valid tick on the topic counted once")
                .isEqualTo(onTopic);
        assertThat(committedBatches()).as("the batches committed before the kill, none committed again")
                .containsAllEntriesOf(beforeTheKill);
    }

    /** Starts {@code run-local.sh} as a user does, without its build: it execs the runner's JVM in its own process. */
    private ProcessHandle startRunner(int run) throws IOException {
        Files.createDirectories(LOG_DIR);
        ProcessBuilder builder = new ProcessBuilder(REPO_ROOT.resolve("run-local.sh").toString(),
                "--data-dir", config.dataDir().toString(), "--rate", Double.toString(config.rate()), "--trigger", config.triggerInterval(),
                "--kafka-port", port(config.kafkaPort()), "--hdfs-port", port(config.hdfsPort()),
                "--producer-port", port(config.producerPort()), "--dashboard-port", port(config.dashboardPort()),
                "--spark-ui-port", port(config.sparkUiPort()))
                .redirectErrorStream(true)
                .redirectOutput(LOG_DIR.resolve("runner-killed-hard-" + run + ".log").toFile());
        builder.environment().put("STOCK_SKIP_BUILD", "1");
        ProcessHandle runner = builder.start().toHandle();
        seen.add(runner);
        return runner;
    }

    private void awaitDashboard() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Http.status(config.dashboardUrl()) == 200);
    }

    private SortedMap<Long, CommittedBatch> committedBatches() throws IOException {
        SortedMap<Long, CommittedBatch> batches = new TreeMap<>();
        try (BatchReader output = BatchReader.open(URI.create(config.outputRoot()), new Configuration())) {
            for (long id : output.listCommittedBatchIds()) {
                batches.put(id, output.readBatch(id));
            }
        }
        return batches;
    }

    private static List<String> running(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive)
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList();
    }

    private List<Integer> ports() {
        return List.of(config.kafkaPort(), config.hdfsPort(), config.producerPort(), config.dashboardPort(), config.sparkUiPort());
    }

    private static String port(int port) {
        return Integer.toString(port);
    }
}
