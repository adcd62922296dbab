package dev.stockstream.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Kafka client settings of {@code STOCK_KAFKA_CLIENT_CONFIG}: a properties file as Kafka's own
 * tools take it ({@code --command-config}), for example {@code security.protocol=SASL_SSL},
 * {@code sasl.mechanism}, {@code sasl.jaas.config} and the trust store. Files it names must exist
 * on the driver and on every executor.
 */
final class KafkaClientConfig {

    private KafkaClientConfig() {
    }

    /** The settings of {@code file}; none for an empty name. */
    static Map<String, String> read(String file) {
        Map<String, String> settings = new TreeMap<>();
        if (file.isEmpty()) {
            return settings;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(JobSettings.STOCK_KAFKA_CLIENT_CONFIG
                    + " must be a readable Kafka client properties file, got " + file + " (" + e + ")", e);
        }
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name).strip()));
        if (settings.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException(JobSettings.STOCK_KAFKA_CLIENT_CONFIG + " must not set bootstrap.servers, "
                    + JobSettings.KAFKA_BOOTSTRAP_SERVERS + " does; found in " + file);
        }
        return settings;
    }
}
