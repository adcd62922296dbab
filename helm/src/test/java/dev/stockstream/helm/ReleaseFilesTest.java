package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The image build files and the chart agree with the Maven build and with each other. */
@Timeout(120)
class ReleaseFilesTest {

    private static final String VERSION = System.getProperty("project.version");

    private static String dockerfile(String image) {
        return AppSources.read(Chart.repoRoot().resolve("k8s/" + image + "/Dockerfile"));
    }

    @Test
    void theChartAndItsAppVersionCarryTheMavenProjectVersion() throws Exception {
        JsonNode chart = new ObjectMapper(new YAMLFactory()).readTree(Chart.directory().resolve("Chart.yaml").toFile());

        assertThat(chart.path("version").asText()).isEqualTo(VERSION);
        assertThat(chart.path("appVersion").asText()).isEqualTo(VERSION);
    }

    @Test
    void theQuarkusImagesCopyTheJvmLayoutOfTheirAppAndRunAsNonRoot() {
        for (String app : List.of("producer", "visualizer")) {
            String dockerfile = dockerfile(app);
            for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
                assertThat(dockerfile).contains("COPY --chown=185 " + app + "/target/quarkus-app/" + part);
            }
            assertThat(dockerfile).contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"", "EXPOSE 8080",
                    "docker build -f k8s/" + app + "/Dockerfile -t stockstream/" + app + ":" + VERSION + " .");
            assertThat(lastUser(dockerfile)).as(app).isEqualTo("185");
            assertThat(AppSources.pom(app)).contains("<artifactId>stock-" + app + "</artifactId>");
        }
    }

    @Test
    void theSparkImageHoldsTheShadedJarWhereTheSparkApplicationLooksForIt() {
        String dockerfile = dockerfile("spark-app");
        String mainFile = Workloads.sparkApplication(Chart.render()).path("spec").path("mainApplicationFile").asText();
        Matcher copy = Pattern.compile("(?m)^COPY --chown=185:185 (\\S+) (\\S+)$").matcher(dockerfile);

        assertThat(copy.find()).as("a COPY of the job jar").isTrue();
        assertThat(copy.group(1)).isEqualTo("spark-app/target/stock-spark-app-${VERSION}.jar");
        assertThat(mainFile).isEqualTo("local://" + copy.group(2));
        assertThat(dockerfile).contains("ARG VERSION=" + VERSION, "ARG SPARK_IMAGE=apache/spark:3.5.3-java17");
        assertThat(lastUser(dockerfile)).isEqualTo("185");
        assertThat(AppSources.pom("spark-app")).contains("<artifactId>stock-spark-app</artifactId>", "maven-shade-plugin");
    }

    @Test
    void theSparkImageRunsTheSparkVersionTheJobIsBuiltAgainst() {
        String sparkVersion = Workloads.sparkApplication(Chart.render()).path("spec").path("sparkVersion").asText();
        String parentPom = AppSources.read(Chart.repoRoot().resolve("pom.xml"));

        assertThat(parentPom).contains("<spark.version>" + sparkVersion + "</spark.version>");
        assertThat(dockerfile("spark-app")).contains("apache/spark:" + sparkVersion + "-java17");
    }

    private static String lastUser(String dockerfile) {
        Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
        String last = null;
        while (user.find()) {
            last = user.group(1);
        }
        return last;
    }
}
