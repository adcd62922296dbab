package dev.stockstream.producer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** Reads {@link ProducerSettings} once from the configuration (properties, env vars). */
@ApplicationScoped
public class SettingsSource {

    @Produces
    @Singleton
    ProducerSettings settings(Config config) {
        return ProducerSettings.parse(name -> config.getOptionalValue(name, String.class).orElse(null));
    }
}
