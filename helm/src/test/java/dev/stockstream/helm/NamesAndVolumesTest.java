package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Resource names follow the release and the overrides, and the volumes follow the persistence values. */
@Timeout(120)
class NamesAndVolumesTest {

    private static PersistentVolumeClaim claim(Rendered rendered, String component) {
        StatefulSet set = StrictModels.convert(rendered.component("StatefulSet", component), StatefulSet.class);
        assertThat(set.getSpec().getVolumeClaimTemplates()).hasSize(1);
        return set.getSpec().getVolumeClaimTemplates().get(0);
    }

    @Test
    void shouldUseTheClusterDefaultStorageClassUnlessOneIsGiven() {
        Rendered defaults = Chart.render();
        Rendered fast = Chart.render(Map.of("kafka.persistence.storageClass", "fast-ssd",
                "hdfs.namenode.persistence.storageClass", "fast-ssd", "hdfs.datanode.persistence.storageClass", "bulk",
                "hdfs.datanode.persistence.size", "100Gi"));

        for (String component : new String[] {"kafka", "hdfs-namenode", "hdfs-datanode"}) {
            assertThat(claim(defaults, component).getSpec().getStorageClassName()).as(component).isNull();
        }
        assertThat(claim(fast, "kafka").getSpec().getStorageClassName()).isEqualTo("fast-ssd");
        assertThat(claim(fast, "hdfs-namenode").getSpec().getStorageClassName()).isEqualTo("fast-ssd");
        assertThat(claim(fast, "hdfs-datanode").getSpec().getStorageClassName()).isEqualTo("bulk");
        assertThat(claim(fast, "hdfs-datanode").getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("100Gi");
    }

    @Test
    void shouldNameEveryResourceAfterFullnameOverrideAndWireTheAppsToTheRenamedServices() {
        Rendered rendered = Chart.render(Map.of("fullnameOverride", "ticks"));

        for (JsonNode object : rendered.objects()) {
            assertThat(object.path("metadata").path("name").asText()).startsWith("ticks-");
        }
        assertThat(Workloads.env(Workloads.container(rendered, "producer"))).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "ticks-kafka:9092");
        assertThat(Workloads.sparkEnv(rendered, "driver")).containsEntry("STOCK_OUTPUT_ROOT", "hdfs://ticks-hdfs-namenode:8020/stockstream");
        assertThat(rendered.find("Service", "ticks-kafka")).isPresent();
        assertThat(rendered.find("Service", "ticks-hdfs-namenode")).isPresent();
    }

    @Test
    void shouldPrefixNamesWithTheReleaseNameAndTheChartName() {
        String text = new com.marcnuri.helm.Helm(Chart.directory()).template().withName("prod").call();

        assertThat(new Rendered(text).find("Service", "prod-stock-streaming-visualizer")).isPresent();
    }

    @Test
    void shouldRunTheReplicasTheValuesAsk() {
        Rendered rendered = Chart.render(Map.of("kafka.replicas", 3, "hdfs.datanode.replicas", 4, "visualizer.replicas", 2));

        assertThat(rendered.component("StatefulSet", "kafka").path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(rendered.component("StatefulSet", "hdfs-datanode").path("spec").path("replicas").asInt()).isEqualTo(4);
        assertThat(rendered.component("StatefulSet", "hdfs-namenode").path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(rendered.component("Deployment", "visualizer").path("spec").path("replicas").asInt()).isEqualTo(2);
    }
}
