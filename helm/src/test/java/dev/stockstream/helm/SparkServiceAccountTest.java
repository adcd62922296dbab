package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/spark/serviceaccount.yaml: the ServiceAccount the Spark driver runs under. */
@Timeout(120)
class SparkServiceAccountTest {

    @Test
    void shouldUseTheNamedExistingServiceAccountIfSparkServiceAccountCreateIsFalse() {
        Rendered rendered = Chart.render(Map.of("spark.serviceAccount.create", false, "spark.serviceAccount.name", "spark-runner"));

        assertThat(rendered.ofKind("ServiceAccount")).isEmpty();
        assertThat(Workloads.sparkApplication(rendered).path("spec").path("driver").path("serviceAccount").asText()).isEqualTo("spark-runner");
        assertThat(rendered.component("RoleBinding", "spark").path("subjects").get(0).path("name").asText()).isEqualTo("spark-runner");
    }
}
