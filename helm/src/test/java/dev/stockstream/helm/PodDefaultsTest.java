package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every pod of the chart but the Spark driver's gets: no ServiceAccount token, no Service env vars. */
@Timeout(120)
class PodDefaultsTest {

    @Test
    void noPodButTheSparkDriverMountsAServiceAccountTokenOrGetsServiceEnvironmentVariables() {
        List<JsonNode> podSpecs = new ArrayList<>();
        Rendered rendered = Chart.render();
        for (String kind : List.of("Deployment", "StatefulSet", "Job")) {
            rendered.ofKind(kind).forEach(workload -> podSpecs.add(workload.path("spec").path("template").path("spec")));
        }
        Chart.renderTestHooks(Map.of()).ofKind("Pod").forEach(pod -> podSpecs.add(pod.path("spec")));

        assertThat(podSpecs).hasSizeGreaterThanOrEqualTo(8);
        assertThat(podSpecs).allSatisfy(spec -> {
            assertThat(spec.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            assertThat(spec.path("enableServiceLinks").asBoolean(true)).isFalse();
        });
        assertThat(Workloads.sparkApplication(rendered).path("spec").path("driver").path("serviceAccount").asText())
                .as("the driver creates its executors through the API").isNotEmpty();
    }

    @Test
    void theProducerRollsOutByRecreateSoThatTwoProducersNeverSendTheSameTicks() {
        assertThat(Chart.render().component("Deployment", "producer").path("spec").path("strategy").path("type").asText())
                .isEqualTo("Recreate");
        assertThat(Chart.render().component("Deployment", "visualizer").path("spec").path("strategy").path("type").asText())
                .as("the stateless visualizer keeps rolling updates").isNotEqualTo("Recreate");
    }
}
