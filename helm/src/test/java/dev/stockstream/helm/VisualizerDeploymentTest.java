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
        Rendered rendered = Chart.render(Map.of("kafka.replicas", 3, "hdfs.datanode.replicas", 4, "visualizer.replicas", 2));

        assertThat(rendered.component("Deployment", "visualizer").path("spec").path("replicas").asInt()).isEqualTo(2);
    }
}
