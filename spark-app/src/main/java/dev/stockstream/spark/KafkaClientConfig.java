package dev.stockstream.spark;

import dev.stockstream.model.KafkaClientProperties;
import java.util.Map;

/**
 * The Kafka client settings of {@code STOCK_KAFKA_CLIENT_CONFIG} ({@link KafkaClientProperties}), read
 * on the driver; files they name (trust stores) must exist on every executor too.
 */
final class KafkaClientConfig {

    private KafkaClientConfig() {
    }

    /** The settings of {@code file}; none for an empty name. */
    static Map<String, String> read(String file) {
        if (file.isEmpty()) {
            return Map.of();
        }
        try {
            return KafkaClientProperties.read(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(JobSettings.STOCK_KAFKA_CLIENT_CONFIG + " " + e.getMessage(), e);
        }
    }
}
