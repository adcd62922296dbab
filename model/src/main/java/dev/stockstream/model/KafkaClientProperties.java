package dev.stockstream.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The file {@code STOCK_KAFKA_CLIENT_CONFIG} names, read alike by the producer and the job: Kafka
 * client settings (SASL, TLS) as Kafka's own tools take them with {@code --command-config}. The
 * brokers are {@code KAFKA_BOOTSTRAP_SERVERS}'s alone, so the file may not name others.
 */
public final class KafkaClientProperties {

    private KafkaClientProperties() {
    }

    /**
     * The settings of {@code file}, by Kafka's names. An {@link IllegalArgumentException} says what is
     * wrong (to follow the setting's name) when the file cannot be read or sets {@code bootstrap.servers}.
     */
    public static Map<String, String> read(String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("must be a readable Kafka client properties file, got " + file + " (" + e + ")", e);
        }
        if (properties.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("must not set bootstrap.servers, KAFKA_BOOTSTRAP_SERVERS does; found in " + file);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name).strip()));
        return settings;
    }
}
