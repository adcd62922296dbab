package dev.stockstream.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.List;
import sun.misc.Signal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code run-local.sh} command: the whole pipeline on this machine until Ctrl-C. */
@Command(name = "run-local.sh", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs Kafka (KRaft) and HDFS in-process, the producer, the Spark job in local[*] and the dashboard.")
public final class LocalPipeline implements Callable<Integer> {

    @Option(names = "--source", defaultValue = "csv", description = "tick source: csv or synthetic (PRODUCER_SOURCE). Default: ${DEFAULT-VALUE}")
    String source;

    @Option(names = "--rate", defaultValue = "200", description = "ticks per second (PRODUCER_RATE). Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--symbol-count", defaultValue = "0", description = "synthetic source: emit SYN1..SYNn (PRODUCER_SYMBOL_COUNT); 0 uses the five default symbols. Default: ${DEFAULT-VALUE}")
    int symbolCount;

    @Option(names = "--trigger", defaultValue = "5s", description = "micro-batch interval (STOCK_TRIGGER_INTERVAL). Default: ${DEFAULT-VALUE}")
    String trigger;

    @Option(names = "--trend-batches", defaultValue = "5", description = "batches in the trend chart (VISUALIZER_TREND_BATCHES). Default: ${DEFAULT-VALUE}")
    int trendBatches;

    @Option(names = "--topic", defaultValue = "stockTopic", description = "Kafka topic (STOCK_TOPIC). Default: ${DEFAULT-VALUE}")
    String topic;

    @Option(names = "--dashboard-port", defaultValue = "8080", description = "visualizer HTTP port. Default: ${DEFAULT-VALUE}")
    int dashboardPort;

    @Option(names = "--producer-port", defaultValue = "8081", description = "producer HTTP port. Default: ${DEFAULT-VALUE}")
    int producerPort;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka broker port. Default: ${DEFAULT-VALUE}")
    int kafkaPort;

    @Option(names = "--hdfs-port", defaultValue = "8020", description = "HDFS NameNode port. Default: ${DEFAULT-VALUE}")
    int hdfsPort;

    @Option(names = "--spark-ui-port", defaultValue = "4040", description = "Spark UI port. Default: ${DEFAULT-VALUE}")
    int sparkUiPort;

    @Option(names = "--data-dir", defaultValue = ".local-data", description = "where Kafka, HDFS and the logs keep their data; a second run resumes from it. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--fresh", description = "delete the data directory first and start from an empty topic and HDFS")
    boolean fresh;

    @Option(names = "--apps-dir", defaultValue = ".", hidden = true, description = "the repository root holding the built apps")
    Path appsDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalPipeline()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        LocalConfig config = new LocalConfig(dataDir.toAbsolutePath(), appsDir.toAbsolutePath(), fresh, topic, source, rate, symbolCount,
                trigger, trendBatches, kafkaPort, hdfsPort, producerPort, dashboardPort, sparkUiPort);
        System.setProperty("stock.log.dir", config.logDir().toString());
        Pipeline pipeline;
        try {
            pipeline = Pipeline.start(config, out);
        } catch (PipelineStartException e) {
            out.println("Could not start the pipeline: " + e.getMessage());
            out.println("Logs: " + config.logDir());
            return 1;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        // Ctrl-C and SIGTERM stop the pipeline on this thread, before the JVM begins its shutdown:
        // HDFS and Spark close cleanly only while shutdown hooks can still be added and removed.
        for (String signal : List.of("INT", "TERM")) {
            Signal.handle(new Signal(signal), received -> stopRequested.countDown());
        }
        printUrls(out, config);
        stopRequested.await();
        out.println("Stopping...");
        pipeline.close();
        out.println("Stopped. Data kept in " + config.dataDir());
        return 0;
    }

    private static void printUrls(PrintStream out, LocalConfig config) {
        out.println();
        out.println("The pipeline is running. Ctrl-C stops everything.");
        out.println("  Dashboard:        " + config.dashboardUrl());
        out.println("  Producer status:  " + config.producerUrl() + "/producer/status");
        String password = config.producerApiPassword();
        out.println("  Producer API:     user operator, password " + password + " (PRODUCER_API_PASSWORD, else kept in "
                + config.dataDir().resolve(ProducerApiPassword.FILE) + ")");
        out.println("                    curl -u operator:" + password + " -X POST " + config.producerUrl() + "/producer/pause");
        out.println("  Spark UI:         " + config.sparkUiUrl());
        out.println("  Kafka:            " + config.bootstrapServers() + " (topic " + config.topic() + ")");
        out.println("  HDFS output:      " + config.outputRoot());
        out.println("  Data and logs:    " + config.dataDir() + " (logs in " + config.logDir() + ")");
    }
}
