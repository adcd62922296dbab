package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every value is documented by a {@code # --} comment, and helm/README.md's table is generated from them. */
@Timeout(60)
class ValuesDocumentationTest {

    private static final String START = "<!-- values-table:start (generated from values.yaml by k8s/regenerate.sh) -->";
    private static final String END = "<!-- values-table:end -->";

    private final String values = AppSources.read(Chart.directory().resolve("values.yaml"));

    @Test
    void everyValueHasADashDashCommentAboveIt() {
        List<ValuesDocumentation.Key> keys = ValuesDocumentation.keys(values);

        assertThat(keys).hasSizeGreaterThan(50);
        assertThat(ValuesDocumentation.undocumented(keys)).isEmpty();
    }

    @Test
    void theReadmeValuesTableIsGeneratedFromTheComments() {
        String table = ValuesDocumentation.table(values);
        Path readme = Chart.repoRoot().resolve("helm/README.md");

        assertThat(GeneratedFile.currentSection(readme, START, END, table))
                .as("the values table of %s is out of date: run k8s/regenerate.sh", readme)
                .isEqualTo(table);
        assertThat(table).contains("| `spark.executor.instances` | int | `2` |", "| `producer.rate` | int | `200` |");
    }

    @Test
    void everyValueInTheSchemaIsInTheValuesFileAndTheOtherWayRound() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var schema = mapper.readTree(Chart.directory().resolve("values.schema.json").toFile());
        List<String> documented = ValuesDocumentation.rows(ValuesDocumentation.keys(values)).stream()
                .map(ValuesDocumentation.Key::path).toList();

        for (String path : documented) {
            var node = schema;
            for (String part : path.split("\\.")) {
                node = node.path("properties").path(part);
            }
            assertThat(node.isMissingNode()).as("values.schema.json describes %s", path).isFalse();
        }
    }
}
