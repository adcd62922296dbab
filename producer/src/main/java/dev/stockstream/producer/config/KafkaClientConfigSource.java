package dev.stockstream.producer.config;

import dev.stockstream.model.KafkaClientProperties;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The Kafka client settings of {@code STOCK_KAFKA_CLIENT_CONFIG} (a properties file as Kafka's tools
 * take it: {@code security.protocol}, {@code sasl.*}, {@code ssl.*}), as {@code kafka.*} properties:
 * Quarkus hands every {@code kafka.*} property to the ticks channel's producer and to the Kafka
 * health check, so both talk to a secured cluster alike. Env vars and system properties still win.
 */
public class KafkaClientConfigSource implements ConfigSourceFactory {

    static final String PROPERTY = "stock.kafka.client.config";
    /** Above application.properties (250), below env vars (300). */
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue file = context.getValue(PROPERTY);
        if (file == null || file.getValue() == null || file.getValue().isBlank()) {
            return List.of();
        }
        try {
            return List.of(new PropertiesConfigSource(read(file.getValue().strip()), "Kafka client settings of " + file.getValue(), ORDINAL));
        } catch (ConfigurationException e) {
            // reported at start by KafkaClientConfigCheck, in one line: a throw here would end in a stack trace
            return List.of();
        }
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The file's settings as {@code kafka.*} properties; a {@link ConfigurationException} naming the setting otherwise. */
    static Map<String, String> read(String file) {
        Map<String, String> kafka = new HashMap<>();
        try {
            KafkaClientProperties.read(file).forEach((name, value) -> kafka.put("kafka." + name, value));
        } catch (IllegalArgumentException e) {
            throw SettingsRules.invalid(PROPERTY, e.getMessage());
        }
        return kafka;
    }
}
