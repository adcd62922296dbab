package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/spark/sparkapplication.yaml: what each Spark value changes, always valid against the operator's CRD. */
@Timeout(120)
class SparkApplicationTest {

    private static JsonNode spec(Map<String, ?> sets) {
        JsonNode application = Workloads.sparkApplication(Chart.render(sets));
        assertThat(SparkOperatorCrds.validate(application)).isEmpty();
        return application.path("spec");
    }

    @Test
    void shouldRunTwoExecutorsByDefault() {
        JsonNode spec = spec(Map.of());

        assertThat(spec.path("executor").path("instances").asInt()).isEqualTo(2);
        assertThat(spec.has("dynamicAllocation")).isFalse();
        assertThat(spec.path("type").asText()).isEqualTo("Java");
        assertThat(spec.path("mode").asText()).isEqualTo("cluster");
        assertThat(spec.path("sparkVersion").asText()).isEqualTo("3.5.3");
    }

    @Test
    void shouldRunFiveExecutorsWhenScaledToFive() {
        assertThat(spec(Map.of("spark.executor.instances", 5)).path("executor").path("instances").asInt()).isEqualTo(5);
    }

    @Test
    void shouldHandExecutorCountToSparkWhenDynamicAllocationIsEnabled() {
        JsonNode spec = spec(Map.of("spark.dynamicAllocation.enabled", true, "spark.dynamicAllocation.minExecutors", 2,
                "spark.dynamicAllocation.maxExecutors", 8, "spark.dynamicAllocation.initialExecutors", 3));

        JsonNode dynamic = spec.path("dynamicAllocation");
        assertThat(dynamic.path("enabled").asBoolean()).isTrue();
        assertThat(dynamic.path("minExecutors").asInt()).isEqualTo(2);
        assertThat(dynamic.path("maxExecutors").asInt()).isEqualTo(8);
        assertThat(dynamic.path("initialExecutors").asInt()).isEqualTo(3);
        assertThat(dynamic.path("shuffleTrackingEnabled").asBoolean()).isTrue();
        assertThat(spec.path("executor").has("instances")).isFalse();
    }

    @Test
    void shouldRestartAlwaysByDefaultAndRetryOnFailureWhenAsked() {
        assertThat(spec(Map.of()).path("restartPolicy").path("type").asText()).isEqualTo("Always");

        JsonNode onFailure = spec(Map.of("spark.restartPolicy.type", "OnFailure", "spark.restartPolicy.onFailureRetries", 7))
                .path("restartPolicy");
        assertThat(onFailure.path("type").asText()).isEqualTo("OnFailure");
        assertThat(onFailure.path("onFailureRetries").asInt()).isEqualTo(7);
        assertThat(onFailure.path("onFailureRetryInterval").asInt()).isEqualTo(10);
    }

    @Test
    void shouldGiveTheDriverAndExecutorsEveryAddOpensSparkNeedsOnJava17() {
        List<String> required = Arrays.asList(System.getProperty("spark.add-opens").trim().split("\\s+"));
        JsonNode spec = spec(Map.of());

        for (String role : List.of("driver", "executor")) {
            assertThat(Arrays.asList(spec.path(role).path("javaOptions").asText().split("\\s+"))).as(role)
                    .containsAll(required);
        }
    }

    @Test
    void shouldRunDriverAndExecutorsAsTheSparkUserOfTheImage() {
        JsonNode spec = spec(Map.of());

        for (String role : List.of("driver", "executor")) {
            assertThat(spec.path(role).path("podSecurityContext").path("runAsUser").asInt()).as(role).isEqualTo(185);
            assertThat(spec.path(role).path("podSecurityContext").path("runAsNonRoot").asBoolean()).as(role).isTrue();
            assertThat(spec.path(role).path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(role).isFalse();
        }
    }

    @Test
    void shouldSizeDriverAndExecutorsFromValues() {
        JsonNode spec = spec(Map.of("spark.driver.memory", "2g", "spark.executor.cores", 2, "spark.executor.memory", "3g",
                "spark.executor.coreLimit", "2500m"));

        assertThat(spec.path("driver").path("memory").asText()).isEqualTo("2g");
        assertThat(spec.path("executor").path("cores").asInt()).isEqualTo(2);
        assertThat(spec.path("executor").path("memory").asText()).isEqualTo("3g");
        assertThat(spec.path("executor").path("coreLimit").asText()).isEqualTo("2500m");
    }

    @Test
    void shouldHaveTheHdfsClientWaitOutARestartingNameNodeUnlessTheUserConfiguresItsRetries() {
        JsonNode conf = spec(Map.of()).path("sparkConf");
        assertThat(conf.path("spark.hadoop.dfs.client.retry.policy.enabled").asText()).isEqualTo("true");
        assertThat(conf.path("spark.hadoop.dfs.client.retry.policy.spec").asText()).isEqualTo("5000,12");

        JsonNode own = spec(Map.of("spark.sparkConf.spark\\.hadoop\\.dfs\\.client\\.retry\\.policy\\.enabled", "false")).path("sparkConf");
        assertThat(own.path("spark.hadoop.dfs.client.retry.policy.enabled").asText()).isEqualTo("false");
        assertThat(own.has("spark.hadoop.dfs.client.retry.policy.spec")).isFalse();
    }

    @Test
    void shouldHaveAFileCloseAskTheNameNodeAgainSoonUnlessTheUserSetsTheDelay() {
        String delay = "spark.hadoop.dfs.client.block.write.locateFollowingBlock.initial.delay.ms";
        String retries = "spark.hadoop.dfs.client.block.write.locateFollowingBlock.retries";
        JsonNode conf = spec(Map.of()).path("sparkConf");
        assertThat(conf.path(delay).asText()).isEqualTo("20");
        assertThat(conf.path(retries).asText()).isEqualTo("10");

        JsonNode own = spec(Map.of("spark.sparkConf." + delay.replace(".", "\\."), "400")).path("sparkConf");
        assertThat(own.path(delay).asText()).isEqualTo("400");
        assertThat(own.has(retries)).isFalse();
    }

    @Test
    void shouldPassExtraSparkConfThrough() {
        JsonNode conf = spec(Map.of("spark.sparkConf.spark\\.executor\\.memoryOverhead", "1g")).path("sparkConf");

        assertThat(conf.path("spark.executor.memoryOverhead").asText()).isEqualTo("1g");
        assertThat(conf.path("spark.hadoop.dfs.replication").asText()).isEqualTo("1");
    }

    @Test
    void shouldHandTheJobEverySettingAsAnArgumentWithItsDefaultAndNoneAsEnv() {
        Rendered rendered = Chart.render();
        spec(Map.of());
        Map<String, String> expected = new LinkedHashMap<>(AppSources.sparkJobDefaults());
        expected.put("KAFKA_BOOTSTRAP_SERVERS", "stock-streaming-kafka:9092");
        expected.put("STOCK_OUTPUT_ROOT", "hdfs://stock-streaming-hdfs-namenode:8020/stockstream");

        assertThat(Workloads.sparkApplication(rendered).path("spec").path("arguments")).hasSize(AppSources.sparkJobSettings().size());
        assertThat(Workloads.sparkArguments(rendered)).containsOnlyKeys(AppSources.sparkJobSettings()).isEqualTo(expected);
        for (String role : List.of("driver", "executor")) {
            assertThat(Workloads.sparkEnv(rendered, role).keySet()).as(role).doesNotContainAnyElementsOf(AppSources.sparkJobSettings());
        }
    }

    @Test
    void shouldRunTheDirectKafkaScanByDefaultAndTurnItOffIfStockDirectKafkaScanIsFalse() {
        spec(Map.of("stock.directKafkaScan", false));

        assertThat(Workloads.sparkArguments(Chart.render())).containsEntry("STOCK_DIRECT_KAFKA_SCAN", "true");
        assertThat(Workloads.sparkArguments(Chart.render(Map.of("stock.directKafkaScan", false))))
                .containsEntry("STOCK_DIRECT_KAFKA_SCAN", "false");
    }

    @Test
    void shouldPassTheDataLossResumeEventTimeQuarantineAndRetentionValuesAsTheJobParsesThem() {
        Map<String, Object> sets = Map.of("stock.failOnDataLoss", false, "stock.resumeFromOutput", true,
                "stock.maxEventAhead", "30s", "stock.maxEventBehind", "10min", "stock.quarantineMaxValueBytes", 16777216,
                "stock.batchRetention", "90min");
        spec(sets);

        assertThat(Workloads.sparkArguments(Chart.render(sets)))
                .containsEntry("STOCK_FAIL_ON_DATA_LOSS", "false")
                .containsEntry("STOCK_RESUME_FROM_OUTPUT", "true")
                .containsEntry("STOCK_MAX_EVENT_AHEAD", "30s")
                .containsEntry("STOCK_MAX_EVENT_BEHIND", "10min")
                .containsEntry("STOCK_QUARANTINE_MAX_VALUE_BYTES", "16777216")
                .containsEntry("STOCK_BATCH_RETENTION", "90min");
    }

    @Test
    void shouldRunTheCandleQueryByDefaultAndPassItsWindowLatenessTriggerAndPartitionsAsTheJobParsesThem() {
        assertThat(Workloads.sparkArguments(Chart.render()))
                .containsEntry("STOCK_CANDLES_ENABLED", "true")
                .containsEntry("STOCK_CANDLE_INTERVAL", "1m")
                .containsEntry("STOCK_CANDLE_LATENESS", "30s")
                .containsEntry("STOCK_CANDLE_TRIGGER_INTERVAL", "1s")
                .containsEntry("STOCK_CANDLE_PARTITIONS", "1");
        Map<String, Object> sets = Map.of("stock.candlesEnabled", false, "stock.candleInterval", "5min",
                "stock.candleLateness", "0s", "stock.candleTriggerInterval", "250ms", "stock.candlePartitions", 16);
        spec(sets);

        assertThat(Workloads.sparkArguments(Chart.render(sets)))
                .containsEntry("STOCK_CANDLES_ENABLED", "false")
                .containsEntry("STOCK_CANDLE_INTERVAL", "5min")
                .containsEntry("STOCK_CANDLE_LATENESS", "0s")
                .containsEntry("STOCK_CANDLE_TRIGGER_INTERVAL", "250ms")
                .containsEntry("STOCK_CANDLE_PARTITIONS", "16");
    }

    @Test
    void shouldRefuseACandleIntervalThatDoesNotDivideADayAsTheJobWould() {
        assertThatThrownBy(() -> Chart.render(Map.of("stock.candleInterval", "7min")))
                .hasMessageContaining("stock.candleInterval must be whole seconds that divide a day");
        assertThat(Workloads.sparkArguments(Chart.render(Map.of("stock.candleInterval", "1h"))))
                .containsEntry("STOCK_CANDLE_INTERVAL", "1h");
    }
}
