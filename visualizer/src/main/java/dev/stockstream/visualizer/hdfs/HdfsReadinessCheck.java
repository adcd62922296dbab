package dev.stockstream.visualizer.hdfs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the output root answers: without HDFS the dashboard has nothing new to show. */
@Readiness
@ApplicationScoped
public class HdfsReadinessCheck implements HealthCheck {

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
