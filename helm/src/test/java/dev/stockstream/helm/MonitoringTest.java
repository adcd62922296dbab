package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/monitoring and the Spark job's metrics settings. */
@Timeout(120)
class MonitoringTest {

    @Test
    void noMonitoringObjectIsRenderedByDefault() {
        Rendered rendered = Chart.render();
        assertThat(rendered.ofKind("ServiceMonitor")).isEmpty();
        assertThat(rendered.ofKind("PodMonitor")).isEmpty();
        assertThat(rendered.ofKind("ConfigMap")).noneMatch(map -> map.path("metadata").path("name").asText().endsWith("grafana-dashboard"));
    }

    @Test
    void theServiceMonitorsScrapeTheProducerAndTheVisualizerServicesAtQMetricsWithTheExtraLabels() {
        Rendered rendered = Chart.render(Map.of("metrics.serviceMonitor.enabled", true, "metrics.serviceMonitor.labels.release", "prom"));
        assertThat(rendered.ofKind("ServiceMonitor")).hasSize(2);
        for (String app : List.of("producer", "visualizer")) {
            JsonNode monitor = rendered.component("ServiceMonitor", app);
            JsonNode service = rendered.component("Service", app);
            assertThat(monitor.path("metadata").path("labels").path("release").asText()).isEqualTo("prom");
            monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label ->
                    assertThat(service.path("metadata").path("labels").path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
            assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText()).isEqualTo("/q/metrics");
            assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asText()).isEqualTo("http");
        }
    }

    @Test
    void thePodMonitorScrapesTheSparkDriverOnItsUiPort() {
        JsonNode monitor = Chart.render(Map.of("metrics.podMonitor.enabled", true)).ofKind("PodMonitor").get(0);
        assertThat(monitor.path("spec").path("selector").path("matchLabels").path("spark-role").asText()).isEqualTo("driver");
        assertThat(monitor.path("spec").path("podMetricsEndpoints").findValuesAsText("path"))
                .containsExactly("/metrics/prometheus", "/metrics/executors/prometheus");
        assertThat(monitor.path("spec").path("podMetricsEndpoints").findValuesAsText("port")).containsOnly("spark-ui");
    }

    @Test
    void theSparkJobServesItsMetricsForPrometheusUnlessTheUsersSparkConfSaysOtherwise() {
        JsonNode conf = Workloads.sparkApplication(Chart.render()).path("spec").path("sparkConf");
        assertThat(conf.path("spark.metrics.conf.*.sink.prometheusServlet.class").asText())
                .isEqualTo("org.apache.spark.metrics.sink.PrometheusServlet");
        assertThat(conf.path("spark.metrics.conf.*.sink.prometheusServlet.path").asText()).isEqualTo("/metrics/prometheus");
        assertThat(conf.path("spark.sql.streaming.metricsEnabled").asText()).isEqualTo("true");
        assertThat(conf.path("spark.metrics.namespace").asText()).isEqualTo("stockstream");

        JsonNode overridden = Workloads.sparkApplication(Chart.render(Map.of("spark.sparkConf.spark\\.metrics\\.namespace", "mine")))
                .path("spec").path("sparkConf");
        assertThat(overridden.path("spark.metrics.namespace").asText()).isEqualTo("mine");
    }

    @Test
    void theGrafanaDashboardShipsAsAConfigMapForTheSidecarAndEveryMetricItQueriesExists() throws IOException {
        JsonNode map = Chart.render(Map.of("metrics.grafanaDashboard.enabled", true)).ofKind("ConfigMap").stream()
                .filter(m -> m.path("metadata").path("name").asText().endsWith("grafana-dashboard")).findFirst().orElseThrow();
        assertThat(map.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        JsonNode board = new ObjectMapper().readTree(map.path("data").path("stock-streaming.json").asText());
        List<String> expressions = board.path("panels").findValuesAsText("expr");
        assertThat(expressions).isNotEmpty();

        String code = sources("producer", "visualizer", "spark-app");
        for (String metric : metricNames(expressions)) {
            assertThat(isKnown(metric, code)).as(metric + " is a metric of the code (Micrometer name, or the job's queries source)").isTrue();
        }
    }

    private static List<String> metricNames(List<String> expressions) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\b(producer_[a-z_]+|visualizer_[a-z_]+|metrics_stockstream_driver_[A-Za-z_]+)").matcher(String.join(" ", expressions));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static boolean isKnown(String metric, String code) {
        if (metric.startsWith("metrics_stockstream_driver_queries_")) {
            String figure = metric.replaceFirst("^metrics_stockstream_driver_queries_stock_(ticks|candles)_", "").replaceFirst("_Value$", "");
            return code.contains("\"" + figure + "\"");
        }
        if (metric.startsWith("metrics_stockstream_driver_spark_streaming_")) {
            // Spark's own streaming source: inputRate-total, processingRate-total, latency, ...
            return metric.matches("metrics_stockstream_driver_spark_streaming_stock_(ticks|candles)_(inputRate_total|processingRate_total|latency|eventTime_watermark)_Value");
        }
        String micrometer = metric.replaceFirst("_total$", "").replace('_', '.');
        return code.contains("\"" + micrometer + "\"");
    }

    private static String sources(String... modules) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String module : modules) {
            try (Stream<Path> files = Files.walk(Chart.repoRoot().resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(file));
                }
            }
        }
        return all.toString();
    }
}
