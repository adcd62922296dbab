package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * k8s/stock-streaming.yaml, the manifests for {@code kubectl apply} users, is the chart rendered with
 * its defaults (release name {@value Chart#RELEASE}) but the producer's password Secret, given, byte for byte. Regenerate with k8s/regenerate.sh.
 */
@Timeout(120)
class PlainManifestsTest {

    static final String HEADER = """
            # Generated from helm/stock-streaming with its default values: do not edit, run k8s/regenerate.sh.
            # What `helm template stock-streaming helm/stock-streaming --skip-tests` prints (the tests run the same Helm library).
            # Needs the spark-operator for the SparkApplication and the ScheduledSparkApplication; see helm/README.md.
            # Rendered with producer.api.existingSecret=stock-streaming-producer-api: no password is kept in this file, so
            # create the Secret of the producer's API password first (16 characters at least), for example:
            #   kubectl create secret generic stock-streaming-producer-api --from-literal=password="$(head -c 24 /dev/urandom | base64)"
            """;

    /** What the file is rendered with beyond the defaults. */
    static final java.util.Map<String, Object> SETS = java.util.Map.of("producer.api.existingSecret", "stock-streaming-producer-api");

    @Test
    void thePlainManifestsAreTheChartRenderedWithItsDefaults() {
        String expected = HEADER + Chart.render(SETS).text();
        Path file = Chart.repoRoot().resolve("k8s/stock-streaming.yaml");

        assertThat(GeneratedFile.current(file, expected))
                .as("%s is out of date with the chart: run k8s/regenerate.sh", file)
                .isEqualTo(expected);
    }
}
