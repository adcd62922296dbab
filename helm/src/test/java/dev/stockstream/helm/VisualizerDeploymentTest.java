package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/visualizer/deployment.yaml: the dashboard's pods. */
@Timeout(120)
class VisualizerDeploymentTest {

    @Test
    void shouldRunThePodsVisualizerReplicasAsks() {
        assertThat(Chart.render(Map.of("visualizer.replicas", 2)).replicas("Deployment", "visualizer")).isEqualTo(2);
    }
}
