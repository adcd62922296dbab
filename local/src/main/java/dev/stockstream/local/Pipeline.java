package dev.stockstream.local;

import dev.stockstream.embedded.Directories;
import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.embedded.EmbeddedKafka;
import dev.stockstream.embedded.FreePorts;
import dev.stockstream.spark.GracefulShutdown;
import dev.stockstream.spark.JobSettings;
import dev.stockstream.spark.QueryMetrics;
import dev.stockstream.spark.StockStreamingJob;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * The running pipeline: Kafka and HDFS in this JVM, the Spark job in {@code local[*]} here too,
 * the producer and the visualizer as child JVMs. Closing it stops everything in reverse order.
 */
public final class Pipeline implements AutoCloseable {

    private static final int STEPS = 6;
    private static final String PRODUCER = "producer";
    private static final String VISUALIZER = "visualizer";

    private final LocalConfig config;
    private final PrintStream progress;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private int step;

    private Pipeline(LocalConfig config, PrintStream progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Starts every part in order; on failure stops what started and throws {@link PipelineStartException}. */
    public static Pipeline start(LocalConfig config, PrintStream progress) {
        Pipeline pipeline = new Pipeline(config, progress);
        try {
            pipeline.startAll();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e instanceof PipelineStartException ? e : new PipelineStartException(e.getMessage(), e);
        }
    }

    public LocalConfig config() {
        return config;
    }

    private void startAll() {
        Leftovers.clear(config.runDir(), Map.of(PRODUCER, quarkusApp(PRODUCER).toString(),
                VISUALIZER, quarkusApp(VISUALIZER).toString()), progress);
        checkPortsFree();
        prepareDataDir();
        Path runnerPidFile = PidFile.of(config.runDir(), Leftovers.RUNNER);
        PidFile.write(runnerPidFile, ProcessHandle.current());
        running.push(() -> PidFile.delete(runnerPidFile));
        ChildLauncher launcher = ChildLauncher.create();
        running.push(launcher);
        if (!launcher.childrenDieWithRunner()) {
            progress.println("setpriv (util-linux) is not on the PATH: the producer and visualizer may outlive a hard kill"
                    + " of this runner; the next start stops them");
        }

        EmbeddedKafka kafka = timed("Kafka broker (KRaft)", () -> EmbeddedKafka.builder()
                .dataDir(config.dataDir().resolve("kafka")).port(config.kafkaPort()).build().start());
        running.push(kafka);
        kafka.createTopic(config.topic(), LocalConfig.TOPIC_PARTITIONS);

        EmbeddedHdfs hdfs = timed("HDFS (MiniDFSCluster)", () ->
                EmbeddedHdfs.at(config.dataDir().resolve("hdfs"), config.hdfsPort()).start());
        running.push(hdfs);

        AppProcess producer = timed(PRODUCER, () -> startApp(launcher, PRODUCER, producerEnv(), config.producerPort()));

        SparkSession spark = timed("Spark session local[*]", this::sparkSession);
        running.push(spark::stop);
        List<StreamingQuery> queries = timed("Spark streaming job", () -> startJob(spark));
        for (StreamingQuery query : queries) {
            running.push(() -> GracefulShutdown.stopAfterBatchInHand(query, Duration.ofSeconds(30)));
        }
        running.push(new PeriodicCompaction(spark, jobSettings(config, System.getenv()), progress));

        timed(VISUALIZER, () -> startApp(launcher, VISUALIZER, visualizerEnv(), config.dashboardPort()));
        progress.flush();
        if (producer == null) {
            throw new PipelineStartException("producer did not start");
        }
    }

    private AppProcess startApp(ChildLauncher launcher, String name, Map<String, String> env, int port) {
        AppProcess app = AppProcess.start(name, quarkusApp(name), env, launcher, config.logDir(), config.runDir());
        running.push(app);
        app.awaitReady(port);
        return app;
    }

    /** The producer's settings, by the names the Helm chart sets on its pod. */
    Map<String, String> producerEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.bootstrapServers());
        env.put("STOCK_TOPIC", config.topic());
        env.put("PRODUCER_SOURCE", config.source());
        env.put("PRODUCER_RATE", Double.toString(config.rate()));
        if (config.symbolCount() > 0) {
            env.put("PRODUCER_SYMBOL_COUNT", Integer.toString(config.symbolCount()));
        }
        env.put("PRODUCER_API_PASSWORD", config.producerApiPassword());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(config.producerPort()));
        return env;
    }

    /**
     * The job's settings: the runner's own, by the names the Helm chart gives the SparkApplication,
     * over the rest from the shell's environment (as the producer and visualizer inherit it).
     */
    static JobSettings jobSettings(LocalConfig config, Map<String, String> shellEnvironment) {
        Map<String, String> values = new HashMap<>(shellEnvironment);
        values.put(JobSettings.KAFKA_BOOTSTRAP_SERVERS, config.bootstrapServers());
        values.put(JobSettings.STOCK_TOPIC, config.topic());
        values.put(JobSettings.STOCK_OUTPUT_ROOT, config.outputRoot());
        values.put(JobSettings.STOCK_TRIGGER_INTERVAL, config.triggerInterval());
        return JobSettings.fromEnvironmentAndArgs(values);
    }

    /** The visualizer's settings, by the names the Helm chart sets on its pod. */
    Map<String, String> visualizerEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STOCK_OUTPUT_ROOT", config.outputRoot());
        env.put("VISUALIZER_TREND_BATCHES", Integer.toString(config.trendBatches()));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(config.dashboardPort()));
        return env;
    }

    private SparkSession sparkSession() {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("stock-streaming-local")
                .master("local[*]")
                .config("spark.driver.host", "localhost")
                .config("spark.driver.bindAddress", "localhost")
                .config("spark.ui.port", config.sparkUiPort())
                .config("spark.ui.showConsoleProgress", false)
                // Spark's scratch in the data directory: a runner killed hard runs no hook to delete it from /tmp.
                .config("spark.local.dir", config.dataDir().resolve("spark-local").toAbsolutePath().toString());
        EmbeddedHdfs.CLIENT_SETTINGS.forEach((name, value) -> builder.config("spark.hadoop." + name, value));
        QueryMetrics.SPARK_CONF.forEach(builder::config);
        return builder.getOrCreate();
    }

    /** The batch query and, unless {@code STOCK_CANDLES_ENABLED=false}, the candle query. */
    private List<StreamingQuery> startJob(SparkSession spark) {
        try {
            JobSettings settings = jobSettings(config, System.getenv());
            QueryMetrics.install(spark, StockStreamingJob.queryNames(settings));
            return StockStreamingJob.startQueries(settings, spark);
        } catch (Exception e) {
            throw new PipelineStartException("Spark streaming job: " + e.getMessage(), e);
        }
    }

    private Path quarkusApp(String module) {
        return config.appsDir().resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
    }

    private void checkPortsFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("--kafka-port", config.kafkaPort());
        ports.put("--hdfs-port", config.hdfsPort());
        ports.put("--producer-port", config.producerPort());
        ports.put("--dashboard-port", config.dashboardPort());
        ports.put("--spark-ui-port", config.sparkUiPort());
        ports.forEach((option, port) -> {
            if (!FreePorts.isFree(port)) {
                throw new PipelineStartException("port " + port + " is already in use: pick another with " + option);
            }
        });
        if (ports.values().stream().distinct().count() != ports.size()) {
            throw new PipelineStartException("two parts were given the same port: " + ports);
        }
    }

    private void prepareDataDir() {
        try {
            if (config.fresh() && Files.exists(config.dataDir())) {
                progress.println("Starting fresh: deleting " + config.dataDir().toAbsolutePath());
                Directories.deleteRecursively(config.dataDir());
            } else if (Files.exists(config.dataDir().resolve("kafka"))) {
                progress.println("Resuming from " + config.dataDir().toAbsolutePath() + " (--fresh starts over)");
            }
            Files.createDirectories(config.logDir());
            Files.createDirectories(config.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + config.dataDir(), e);
        }
    }

    private <T> T timed(String part, java.util.function.Supplier<T> starter) {
        step++;
        progress.printf(Locale.ROOT, "[%d/%d] %-28s starting...%n", step, STEPS, part);
        long started = System.nanoTime();
        T result;
        try {
            result = starter.get();
        } catch (PipelineStartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PipelineStartException(part + ": " + rootMessage(e), e);
        }
        progress.printf(Locale.ROOT, "[%d/%d] %-28s ready in %.1f s%n", step, STEPS, part, (System.nanoTime() - started) / 1e9);
        return result;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Stops the parts in reverse order of their start: visualizer, job, Spark session, producer, HDFS,
     * Kafka; then ends the launcher's thread and deletes the runner's pid file.
     */
    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                progress.println("while stopping: " + rootMessage(e));
            }
        }
    }
}
