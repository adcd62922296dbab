package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/tests/dashboard-test.yaml: the Pod that {@code helm test} runs to fetch the dashboard. */
@Timeout(120)
class DashboardTestHookTest {

    @Test
    void theHelmTestHookFetchesTheDashboardPageThroughItsService() throws Exception {
        Rendered hooks = Chart.renderTestHooks(Map.of("visualizer.service.port", 9090));
        Pod pod = StrictModels.convert(hooks.component("Pod", "test-dashboard"), Pod.class);
        Container fetch = pod.getSpec().getContainers().get(0);

        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(fetch.getCommand()).last().isEqualTo("http://stock-streaming-visualizer:9090/");
        assertThat(String.join("\n", fetch.getCommand())).contains("wget", "<html");
        assertThat(AppSources.resourcePaths("visualizer")).contains("/");
        assertThat(Files.readString(Chart.directory().resolve("templates/tests/dashboard-test.yaml")))
                .contains("helm.sh/hook: test");
    }

    @Test
    void theHelmTestHookIsNotPartOfTheInstalledManifest() {
        assertThat(Chart.render().ofKind("Pod")).isEmpty();
    }
}
