package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * templates/spark/history-compaction.yaml: the ScheduledSparkApplication of the history compaction,
 * always valid against the operator's CRD, in step with the streaming SparkApplication.
 */
@Timeout(120)
class HistoryCompactionTest {

    /** The most characters of a Kubernetes label value and of a DNS label (a Service name). */
    private static final int LABEL = 63;
    /** What the operator adds to the name: "-" and {@code time.UnixNano()} for a run, "-ui-svc" for its UI Service. */
    private static final int RUN_SUFFIX = 1 + 19;
    private static final int UI_SERVICE_SUFFIX = "-ui-svc".length();

    private static JsonNode scheduled(Map<String, ?> sets) {
        JsonNode scheduled = Workloads.historyCompaction(Chart.render(sets));
        assertThat(SparkOperatorCrds.validate(scheduled)).isEmpty();
        return scheduled;
    }

    @Test
    void shouldRunTheCompactionJobHourlyOneRunAtATimeByDefault() {
        JsonNode spec = scheduled(Map.of()).path("spec");

        assertThat(spec.path("schedule").asText()).isEqualTo("17 * * * *");
        assertThat(spec.path("concurrencyPolicy").asText()).isEqualTo("Forbid");
        assertThat(spec.path("successfulRunHistoryLimit").asInt()).isEqualTo(1);
        assertThat(spec.path("failedRunHistoryLimit").asInt()).isEqualTo(3);
        JsonNode template = spec.path("template");
        assertThat(template.path("mainClass").asText()).isEqualTo("dev.stockstream.spark.HistoryCompactionJob");
        assertThat(template.path("restartPolicy").path("type").asText()).as("the next schedule retries").isEqualTo("Never");
        assertThat(template.path("executor").path("instances").asInt()).isEqualTo(1);
        assertThat(template.path("executor").path("memory").asText()).isEqualTo("1g");
        assertThat(template.path("driver").path("memory").asText()).isEqualTo("512m");
        assertThat(template.has("dynamicAllocation")).isFalse();
    }

    @Test
    void shouldHandTheCompactionEverySettingOnceWithTheStreamingJobsValues() {
        Rendered rendered = Chart.render();
        scheduled(Map.of());

        assertThat(Workloads.historyTemplate(rendered).path("arguments")).hasSize(AppSources.sparkJobSettings().size());
        assertThat(Workloads.historyArguments(rendered)).containsOnlyKeys(AppSources.sparkJobSettings())
                .containsEntry("STOCK_BATCH_RETENTION", "24h");
        assertThat(Workloads.historyTemplate(rendered).path("arguments"))
                .isEqualTo(Workloads.sparkApplication(rendered).path("spec").path("arguments"));
    }

    @Test
    void shouldFollowTheStreamingJobsSettingsImageAndSparkConfWhenTheyChange() {
        Map<String, Object> sets = Map.of("hdfs.enabled", false, "hdfs.external.uri", "hdfs://namenode.example:8020",
                "stock.batchRetention", "48h", "stock.triggerInterval", "10s", "spark.image.tag", "1.2.3",
                "global.imageRegistry", "registry.example.com/team", "global.imagePullSecrets[0].name", "regcred",
                "spark.sparkConf.spark\\.executor\\.memoryOverhead", "1g");
        scheduled(sets);
        Rendered rendered = Chart.render(sets);
        JsonNode streaming = Workloads.sparkApplication(rendered).path("spec");
        JsonNode history = Workloads.historyTemplate(rendered);

        assertThat(Workloads.historyArguments(rendered)).isEqualTo(Workloads.sparkArguments(rendered))
                .containsEntry("STOCK_BATCH_RETENTION", "48h")
                .containsEntry("STOCK_OUTPUT_ROOT", "hdfs://namenode.example:8020/stockstream");
        for (String field : List.of("type", "mode", "image", "imagePullPolicy", "imagePullSecrets", "mainApplicationFile",
                "sparkVersion", "sparkConf")) {
            assertThat(history.path(field)).as(field).isEqualTo(streaming.path(field));
        }
        assertThat(history.path("image").asText()).isEqualTo("registry.example.com/team/stockstream/spark-app:1.2.3");
        assertThat(history.path("sparkConf").path("spark.executor.memoryOverhead").asText()).isEqualTo("1g");
    }

    @Test
    void shouldRunTheDriverUnderTheStreamingDriversServiceAccountWithTheSameJvmAndSecurity() {
        for (Map<String, ?> sets : List.<Map<String, ?>>of(Map.of(),
                Map.of("spark.serviceAccount.create", false, "spark.serviceAccount.name", "spark-runner"))) {
            Rendered rendered = Chart.render(sets);
            JsonNode streaming = Workloads.sparkApplication(rendered).path("spec");
            JsonNode history = Workloads.historyTemplate(rendered);

            assertThat(history.path("driver").path("serviceAccount")).isEqualTo(streaming.path("driver").path("serviceAccount"));
            for (String role : List.of("driver", "executor")) {
                for (String field : List.of("javaOptions", "podSecurityContext", "securityContext")) {
                    assertThat(history.path(role).path(field)).as("%s %s", role, field).isEqualTo(streaming.path(role).path(field));
                }
            }
        }
        assertThat(Workloads.historyTemplate(Chart.render()).path("driver").path("serviceAccount").asText())
                .isEqualTo(Chart.render().component("ServiceAccount", "spark").path("metadata").path("name").asText());
    }

    @Test
    void shouldLabelItsRunsAndTheirPodsApartFromTheStreamingJob() {
        Rendered rendered = Chart.render();
        JsonNode scheduled = Workloads.historyCompaction(rendered);
        JsonNode labels = scheduled.path("metadata").path("labels");

        assertThat(labels.path("app.kubernetes.io/component").asText()).isEqualTo("history-compaction");
        assertThat(labels.path("app.kubernetes.io/instance").asText()).isEqualTo(Chart.RELEASE);
        for (String role : List.of("driver", "executor")) {
            assertThat(scheduled.path("spec").path("template").path(role).path("labels")).as(role).isEqualTo(labels);
        }
        assertThat(Workloads.sparkApplication(rendered).path("metadata").path("labels").path("app.kubernetes.io/component").asText())
                .isEqualTo("spark");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@hourly", "@daily", "@every 30m", "@every 1h30m", "0 3 * * *", "*/15 * * * *", "0 0-6/2 * * MON-FRI"})
    void shouldTakeTheScheduleFromTheValues(String schedule) {
        assertThat(scheduled(Map.of("history.schedule", schedule)).path("spec").path("schedule").asText()).isEqualTo(schedule);
    }

    @Test
    void shouldSizeTheRunsFromTheValues() {
        JsonNode spec = scheduled(Map.of("history.executor.instances", 2, "history.executor.memory", "2g",
                "history.driver.memory", "1g", "history.successfulRunHistoryLimit", 0, "history.failedRunHistoryLimit", 5)).path("spec");

        assertThat(spec.path("template").path("executor").path("instances").asInt()).isEqualTo(2);
        assertThat(spec.path("template").path("executor").path("memory").asText()).isEqualTo("2g");
        assertThat(spec.path("template").path("driver").path("memory").asText()).isEqualTo("1g");
        assertThat(spec.path("successfulRunHistoryLimit").asInt()).isZero();
        assertThat(spec.path("failedRunHistoryLimit").asInt()).isEqualTo(5);
    }

    @Test
    void shouldNotRenderTheCompactionWhenDisabled() {
        Rendered rendered = Chart.render(Map.of("history.enabled", false));

        assertThat(rendered.ofKind("ScheduledSparkApplication")).isEmpty();
        assertThat(rendered.ofKind("SparkApplication")).hasSize(1);
    }

    @Test
    void shouldKeepTheNamesOfTheRunsAndTheirUiServicesWithinTheirLimits() {
        String longest = "a".repeat(LABEL);
        for (Map<String, ?> sets : List.<Map<String, ?>>of(Map.of(), Map.of("fullnameOverride", longest))) {
            String name = scheduled(sets).path("metadata").path("name").asText();

            assertThat(name).endsWith("-history").matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            assertThat(name.length() + RUN_SUFFIX + UI_SERVICE_SUFFIX).as(name).isLessThanOrEqualTo(LABEL);
        }
        assertThat(scheduled(Map.of()).path("metadata").path("name").asText()).isEqualTo("stock-streaming-history");
    }

    @Test
    void theStrictCrdSchemaRejectsAMisspeltTemplateField() {
        ObjectNode scheduled = (ObjectNode) Workloads.historyCompaction(Chart.render()).deepCopy();
        ((ObjectNode) scheduled.path("spec").path("template").path("executor")).put("instance", 5);

        assertThat(SparkOperatorCrds.validate(scheduled)).anyMatch(m -> m.contains("instance"));
    }

    @Test
    void shouldRefuseABatchRetentionTheJobsRefuseAtOnceWhenInstalled() {
        int kept = newestBatchesKept();
        String shortest = 6 * kept + "s";

        assertThat(Workloads.historyArguments(Chart.render(Map.of("stock.triggerInterval", "6s", "stock.batchRetention", shortest))))
                .containsEntry("STOCK_BATCH_RETENTION", shortest);
        assertThatThrownBy(() -> Chart.render(Map.of("stock.triggerInterval", "6s", "stock.batchRetention", (6 * kept - 1) + "s")))
                .hasMessageContaining("stock.batchRetention must be at least 1m and " + kept + " times stock.triggerInterval");
        assertThat(Workloads.sparkArguments(Chart.render(Map.of("stock.triggerInterval", "100ms", "stock.batchRetention", "1min"))))
                .containsEntry("STOCK_BATCH_RETENTION", "1min");
        assertThatThrownBy(() -> Chart.render(Map.of("stock.triggerInterval", "500000us", "stock.batchRetention", "59s")))
                .hasMessageContaining("at least 60s");
        assertThat(Workloads.sparkArguments(Chart.render(Map.of("stock.triggerInterval", "0s", "stock.batchRetention", "1m"))))
                .containsEntry("STOCK_TRIGGER_INTERVAL", "0s");
        assertThat(Workloads.sparkArguments(Chart.render(Map.of("stock.triggerInterval", "08s", "stock.batchRetention", 8 * kept + "s"))))
                .as("a leading zero is decimal, as Spark reads it").containsEntry("STOCK_TRIGGER_INTERVAL", "08s");
        assertThatThrownBy(() -> Chart.render(Map.of("stock.triggerInterval", "08s", "stock.batchRetention", (8 * kept - 1) + "s")))
                .hasMessageContaining("at least " + 8 * kept + "s");
    }

    /** {@code OutputLayout.NEWEST_BATCHES_KEPT}, which the job's minimum retention is a multiple of. */
    private static int newestBatchesKept() {
        String source = AppSources.read(AppSources.app("model").resolve("src/main/java/dev/stockstream/model/OutputLayout.java"));
        Matcher kept = Pattern.compile("int\\s+NEWEST_BATCHES_KEPT\\s*=\\s*(\\d+)\\s*;").matcher(source);
        assertThat(kept.find()).as("OutputLayout.NEWEST_BATCHES_KEPT").isTrue();
        return Integer.parseInt(kept.group(1));
    }
}
