package dev.stockstream.local;

import java.nio.file.Path;

/**
 * What the local pipeline runs with: the user's options, turned into the same settings the
 * Helm chart gives the pods.
 *
 * @param appsDir the repository root, where producer/ and visualizer/ hold their built apps
 */
public record LocalConfig(Path dataDir, Path appsDir, boolean fresh, String topic, String source, double rate, int symbolCount,
                          String triggerInterval, int trendBatches, int kafkaPort, int hdfsPort, int producerPort,
                          int dashboardPort, int sparkUiPort) {

    public static final String OUTPUT_PATH = "/stockstream";
    public static final int TOPIC_PARTITIONS = 4;

    public String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public String outputRoot() {
        return "hdfs://localhost:" + hdfsPort + OUTPUT_PATH;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Where the runner keeps the pid files of itself and its children while it runs. */
    public Path runDir() {
        return dataDir.resolve("run");
    }

    public String dashboardUrl() {
        return "http://localhost:" + dashboardPort + "/";
    }

    public String producerUrl() {
        return "http://localhost:" + producerPort;
    }

    /** The password of the producer's write endpoints (user {@code operator}), see {@link ProducerApiPassword}. */
    public String producerApiPassword() {
        return ProducerApiPassword.of(dataDir);
    }

    public String sparkUiUrl() {
        return "http://localhost:" + sparkUiPort + "/";
    }
}
