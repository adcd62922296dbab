package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart and the apps agree: the env vars the pods get, and the Spark job's arguments, are
 * settings the apps read (from the apps' own sources and docs/SETTINGS.md), Services reach real container ports, probes hit paths
 * the apps serve, and the addresses the apps get are the Services the chart creates.
 */
@Timeout(120)
class WiringTest {

    /** QUARKUS_HTTP_PORT stays at its default: the pods declare 8080, the port the apps listen on. */
    private static final String QUARKUS_HTTP_PORT = "QUARKUS_HTTP_PORT";
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    private final Rendered defaults = Chart.render();
    private final Rendered everyProducerSetting = Chart.render(Map.of("producer.csvPath", "/data/stocks.csv"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"producer", "visualizer"})
    void everyEnvVarAQuarkusAppGetsIsASettingThatAppReads(String app) {
        Map<String, String> env = Workloads.env(Workloads.container(everyProducerSetting, app));
        Set<String> propertiesRead = AppSources.quarkusPropertiesRead(app);

        assertThat(env).isNotEmpty();
        for (String name : env.keySet()) {
            SettingsDoc.Setting setting = SettingsDoc.byEnvVar(name);
            assertThat(setting.isReadBy(app)).as("docs/SETTINGS.md says %s is read by %s", name, app).isTrue();
            assertThat(AppSources.envVarOf(setting.property())).as("property of %s", name).isEqualTo(name);
            assertThat(propertiesRead).as("%s reads %s (%s)", app, setting.property(), name).contains(setting.property());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"producer", "visualizer"})
    void everySettingAQuarkusAppReadsFromTheListIsSetByTheChart(String app) {
        Set<String> env = Workloads.env(Workloads.container(everyProducerSetting, app)).keySet();

        List<String> expected = new ArrayList<>(SettingsDoc.envVarsReadBy(app));
        expected.remove(QUARKUS_HTTP_PORT);
        assertThat(env).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theSparkJobGetsExactlyTheSettingsItReadsAsArgumentsAndNoneAsEnv() {
        List<String> jobSettings = AppSources.sparkJobSettings();
        Map<String, String> arguments = Workloads.sparkArguments(defaults);

        assertThat(arguments.keySet()).containsExactlyInAnyOrderElementsOf(jobSettings);
        for (String name : arguments.keySet()) {
            assertThat(SettingsDoc.byEnvVar(name).isReadBy("spark-app")).as("docs/SETTINGS.md: %s read by spark-app", name).isTrue();
        }
        assertThat(jobSettings).containsExactlyInAnyOrderElementsOf(SettingsDoc.envVarsReadBy("spark-app"));
        for (String role : List.of("driver", "executor")) {
            assertThat(Workloads.sparkEnv(defaults, role).keySet()).as("%s env (applied only by the operator's webhook)", role)
                    .doesNotContainAnyElementsOf(jobSettings);
        }
    }

    @Test
    void theHistoryCompactionGetsExactlyTheSettingsItReadsAsArgumentsAndNoneAsEnv() {
        List<String> jobSettings = AppSources.sparkJobSettings();

        assertThat(Workloads.historyArguments(defaults).keySet()).containsExactlyInAnyOrderElementsOf(jobSettings);
        for (String role : List.of("driver", "executor")) {
            assertThat(Workloads.historyEnv(defaults, role).keySet()).as("history %s env", role)
                    .doesNotContainAnyElementsOf(jobSettings);
        }
    }

    @Test
    void theSparkApplicationsRunTheJobsMainClasses() {
        Map<String, String> mainClasses = Map.of(
                "SparkApplication", Workloads.sparkApplication(defaults).path("spec").path("mainClass").asText(),
                "ScheduledSparkApplication", Workloads.historyTemplate(defaults).path("mainClass").asText());

        assertThat(mainClasses).containsEntry("SparkApplication", "dev.stockstream.spark.StockStreamingJob")
                .containsEntry("ScheduledSparkApplication", "dev.stockstream.spark.HistoryCompactionJob");
        mainClasses.forEach((kind, mainClass) -> assertThat(AppSources.read(AppSources.app("spark-app").resolve(
                "src/main/java/" + mainClass.replace('.', '/') + ".java"))).as(kind).contains("public static void main(String"));
    }

    @Test
    void theQuarkusAppsListenOnTheContainerPortTheChartDeclares() {
        for (String app : List.of("producer", "visualizer")) {
            Properties properties = AppSources.applicationProperties(app);
            int containerPort = port(Workloads.container(defaults, app), "http").getContainerPort();
            for (String key : List.of("quarkus.http.port", "%prod.quarkus.http.port")) {
                assertThat(properties.getProperty(key, "8080")).as("%s %s", app, key).isEqualTo(Integer.toString(containerPort));
            }
        }
    }

    @Test
    void everyServicePortReachesAContainerPortOfThePodsItSelects() {
        for (Rendered rendered : List.of(defaults, Chart.render(Map.of("kafka.replicas", 3, "hdfs.datanode.replicas", 2)))) {
            for (JsonNode object : rendered.ofKind("Service")) {
                Service service = StrictModels.convert(object, Service.class);
                String component = service.getSpec().getSelector().get("app.kubernetes.io/component");
                PodTemplateSpec pod = Workloads.podTemplate(rendered, component);
                assertThat(pod.getMetadata().getLabels()).as("pods of %s", service.getMetadata().getName())
                        .containsAllEntriesOf(service.getSpec().getSelector());
                Container container = pod.getSpec().getContainers().get(0);
                for (ServicePort servicePort : service.getSpec().getPorts()) {
                    ContainerPort target = port(container, servicePort.getTargetPort());
                    assertThat(target).as("%s port %s", service.getMetadata().getName(), servicePort.getName()).isNotNull();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"producer", "visualizer"})
    void theQuarkusProbesHitTheHealthPathsTheAppServes(String app) {
        Container container = Workloads.container(defaults, app);
        Properties properties = AppSources.applicationProperties(app);

        assertThat(AppSources.pom(app)).as("%s/pom.xml serves /q/health/*", app).contains("<artifactId>quarkus-smallrye-health</artifactId>");
        for (String moved : List.of("quarkus.http.root-path", "quarkus.http.non-application-root-path", "quarkus.smallrye-health.root-path",
                "quarkus.smallrye-health.liveness-path", "quarkus.smallrye-health.readiness-path", "quarkus.smallrye-health.startup-path")) {
            assertThat(properties.getProperty(moved)).as("%s moves the health paths with %s", app, moved).isNull();
        }
        List<Probe> probes = List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe());
        for (Probe probe : probes) {
            HTTPGetAction get = probe.getHttpGet();
            assertThat(HEALTH_PATHS).contains(get.getPath());
            assertThat(port(container, get.getPort())).as("probe port %s", get.getPort()).isNotNull();
        }
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    }

    @Test
    void theProducersReadinessIncludesKafka() {
        assertThat(AppSources.applicationProperties("producer").getProperty("quarkus.kafka.health.enabled")).isEqualTo("true");
    }

    @Test
    void theDashboardAndTheProducerControlThatNotesPointToAreServedByTheApps() {
        assertThat(AppSources.resourcePaths("visualizer")).contains("/", "/api");
        assertThat(AppSources.resourcePaths("producer")).contains("/producer");
    }

    @Test
    void theAppsGetTheKafkaServiceTheChartCreates() {
        Service kafka = StrictModels.convert(defaults.component("Service", "kafka"), Service.class);
        int port = kafka.getSpec().getPorts().stream().filter(p -> "kafka".equals(p.getName())).findFirst().orElseThrow().getPort();
        String bootstrap = kafka.getMetadata().getName() + ":" + port;

        assertThat(kafka.getSpec().getClusterIP()).as("headless").isEqualTo("None");
        assertThat(Workloads.env(Workloads.container(defaults, "producer"))).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        assertThat(Workloads.sparkArguments(defaults)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        assertThat(defaults.component("Job", "kafka-topic").toString()).contains("\"" + bootstrap + "\"");
    }

    @Test
    void theAppsGetTheHdfsServiceTheChartCreatesAndTheNameNodeServes() {
        Service namenode = StrictModels.convert(defaults.component("Service", "hdfs-namenode"), Service.class);
        int rpc = namenode.getSpec().getPorts().stream().filter(p -> "rpc".equals(p.getName())).findFirst().orElseThrow().getPort();
        String fs = "hdfs://" + namenode.getMetadata().getName() + ":" + rpc;
        String root = fs + "/stockstream";

        assertThat(namenode.getSpec().getClusterIP()).as("headless").isEqualTo("None");
        assertThat(Workloads.env(Workloads.container(defaults, "visualizer"))).containsEntry("STOCK_OUTPUT_ROOT", root);
        assertThat(Workloads.sparkArguments(defaults)).containsEntry("STOCK_OUTPUT_ROOT", root);
        assertThat(defaults.component("ConfigMap", "hdfs").path("data").path("core-site.xml").asText())
                .contains("<name>fs.defaultFS</name><value>" + fs + "</value>");
        assertThat(defaults.component("Job", "hdfs-init").toString()).contains("\"" + root + "\"");
    }

    @Test
    void theTopicTheAppsUseIsTheTopicTheJobCreatesWithThePartitionsOfTheValues() {
        Rendered rendered = Chart.render(Map.of("stock.topic", "ticks.v2", "kafka.topic.partitions", 12));
        List<String> args = new ArrayList<>();
        StrictModels.convert(rendered.component("Job", "kafka-topic"), io.fabric8.kubernetes.api.model.batch.v1.Job.class)
                .getSpec().getTemplate().getSpec().getContainers().get(0).getCommand().forEach(args::add);

        assertThat(args.subList(args.size() - 9, args.size() - 4)).containsExactly("stock-streaming-kafka:9092", "ticks.v2", "12", "1", "1");
        assertThat(Workloads.env(Workloads.container(rendered, "producer"))).containsEntry("STOCK_TOPIC", "ticks.v2");
        assertThat(Workloads.sparkArguments(rendered)).containsEntry("STOCK_TOPIC", "ticks.v2");
    }

    @Test
    void theSettingValuesReachThePodsAsTheAppsParseThem() {
        Rendered rendered = Chart.render(Map.of("producer.rate", 2500000, "stock.maxOffsetsPerTrigger", 5000000,
                "stock.triggerInterval", "500ms", "visualizer.trendBatches", 20, "producer.source", "synthetic"));

        assertThat(Workloads.env(Workloads.container(rendered, "producer")))
                .containsEntry("PRODUCER_RATE", "2500000").containsEntry("PRODUCER_SOURCE", "synthetic");
        assertThat(Workloads.sparkArguments(rendered))
                .containsEntry("STOCK_MAX_OFFSETS_PER_TRIGGER", "5000000").containsEntry("STOCK_TRIGGER_INTERVAL", "500ms");
        assertThat(Workloads.env(Workloads.container(rendered, "visualizer"))).containsEntry("VISUALIZER_TREND_BATCHES", "20");
    }

    private static ContainerPort port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }

    private static ContainerPort port(Container container, IntOrString port) {
        if (port.getStrVal() != null) {
            return port(container, port.getStrVal());
        }
        return container.getPorts().stream().filter(p -> p.getContainerPort().equals(port.getIntVal())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port " + port.getIntVal()));
    }
}
