package dev.stockstream.producer.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Stops the start, in one line naming the setting, when the Kafka client config file cannot be used. */
@ApplicationScoped
class KafkaClientConfigCheck {

    void check(@Observes StartupEvent event,
               @ConfigProperty(name = "stock.kafka.client.config") Optional<String> file) {
        file.map(String::strip).filter(name -> !name.isEmpty()).ifPresent(KafkaClientConfigSource::read);
    }
}
