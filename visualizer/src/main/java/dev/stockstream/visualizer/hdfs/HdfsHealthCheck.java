package dev.stockstream.visualizer.hdfs;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the output root answers, at {@code /q/health/group/hdfs}. Not part of readiness: without
 * HDFS the dashboard still serves the last batches read under a warning, which a pod taken out of
 * its Service could not show anyone.
 */
@HealthGroup("hdfs")
@ApplicationScoped
public class HdfsHealthCheck implements HealthCheck {

    @Inject
    HistoryReader history;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("hdfs").withData("root", history.root().toString());
        try {
            history.probe();
            return response.up().build();
        } catch (Exception e) {
            return response.down().withData("error", HistoryReader.oneLine(e)).build();
        }
    }
}
