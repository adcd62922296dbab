package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * k8s/stock-streaming.yaml, the manifests for {@code kubectl apply} users, is the chart rendered with
 * its defaults (release name {@value Chart#RELEASE}), byte for byte. Regenerate with k8s/regenerate.sh.
 */
@Timeout(120)
class PlainManifestsTest {

    static final String HEADER = """
            # Generated from helm/stock-streaming with its default values: do not edit, run k8s/regenerate.sh.
            # What `helm template stock-streaming helm/stock-streaming --skip-tests` prints (the tests run the same Helm library).
            # Needs the spark-operator for the SparkApplication and the ScheduledSparkApplication; see helm/README.md.
            """;

    @Test
    void thePlainManifestsAreTheChartRenderedWithItsDefaults() {
        String expected = HEADER + Chart.render().text();
        Path file = Chart.repoRoot().resolve("k8s/stock-streaming.yaml");

        assertThat(GeneratedFile.current(file, expected))
                .as("%s is out of date with the chart: run k8s/regenerate.sh", file)
                .isEqualTo(expected);
    }
}
