package dev.stockstream.visualizer.web;

import dev.stockstream.visualizer.config.VisualizerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the shared poller keeps polling; an HDFS outage alone is not a reason to restart. */
@Liveness
@ApplicationScoped
public class PollerLivenessCheck implements HealthCheck {

    @Inject
    LiveUpdates liveUpdates;
    @Inject
    VisualizerSettings settings;

    @Override
    public HealthCheckResponse call() {
        // a poll may legitimately wait a few HDFS timeouts during an outage
        Duration limit = settings.pollInterval().multipliedBy(10).plus(settings.hdfsTimeout().multipliedBy(6));
        Duration since = Duration.between(liveUpdates.lastPoll(), Instant.now());
        return HealthCheckResponse.named("batch-pointer-poller")
                .status(since.compareTo(limit) <= 0)
                .withData("lastPollMsAgo", since.toMillis())
                .build();
    }
}
