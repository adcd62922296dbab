package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/NOTES.txt: what the user sees after install. */
@Timeout(120)
class NotesTest {

    private static String notes(String namespace, Map<String, ?> sets) {
        var install = new Helm(Chart.directory()).install().withName(Chart.RELEASE).withNamespace(namespace)
                .clientOnly().dryRun().withDryRunOption(DryRun.CLIENT);
        sets.forEach(install::set);
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    @Test
    void notesPrintTheExactPortForwardCommandForTheDashboardService() {
        Rendered rendered = Chart.render(Map.of("visualizer.service.port", 9090));
        Service dashboard = StrictModels.convert(rendered.component("Service", "visualizer"), Service.class);

        assertThat(notes("streaming", Map.of("visualizer.service.port", 9090))).contains(
                "kubectl --namespace streaming port-forward service/" + dashboard.getMetadata().getName() + " 8080:9090",
                "http://localhost:8080/");
        assertThat(dashboard.getSpec().getPorts().get(0).getPort()).isEqualTo(9090);
    }

    @Test
    void notesShowHowToReadTheProducersPasswordAndCallItsWriteEndpoints() {
        assertThat(notes("streaming", Map.of())).contains(
                "kubectl --namespace streaming get secret stock-streaming-producer-api -o jsonpath='{.data.password}' | base64 -d",
                "curl -u \"operator:$PASSWORD\" -X PUT");
        assertThat(notes("streaming", Map.of("producer.api.existingSecret", "team-producer", "producer.api.existingSecretKey", "api-password")))
                .contains("get secret team-producer -o jsonpath='{.data.api-password}' | base64 -d");
    }

    @Test
    void notesTellHowToScaleTheExecutorsAndWhatHappensToTheJob() {
        String notes = notes("streaming", Map.of("spark.executor.instances", 3));

        assertThat(notes).contains("(now 3)",
                "helm upgrade stock-streaming helm/stock-streaming --namespace streaming --reuse-values --set spark.executor.instances=5",
                "resumes from its checkpoint, exactly once per batch id");
    }

    @Test
    void notesTellHowToSeeTheHistoryCompactionAndItsRunsOnlyWhenItIsEnabled() {
        assertThat(notes("streaming", Map.of())).contains(
                "kubectl --namespace streaming get scheduledsparkapplication stock-streaming-history",
                "kubectl --namespace streaming get sparkapplication -l sparkoperator.k8s.io/scheduled-app-name=stock-streaming-history");
        assertThat(notes("streaming", Map.of("history.enabled", false))).doesNotContain("scheduledsparkapplication");
    }
}
