package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/hdfs/datanode-statefulset.yaml: the DataNodes of the chart's HDFS. */
@Timeout(120)
class HdfsDataNodeStatefulSetTest {

    @Test
    void shouldRunTheDataNodesHdfsDatanodeReplicasAsks() {
        Rendered rendered = Chart.render(Map.of("kafka.replicas", 3, "hdfs.datanode.replicas", 4, "visualizer.replicas", 2));

        assertThat(rendered.component("StatefulSet", "hdfs-datanode").path("spec").path("replicas").asInt()).isEqualTo(4);
    }

    @Test
    void shouldUseTheClusterDefaultStorageClassUnlessHdfsDatanodePersistenceStorageClassIsGiven() {
        assertThat(StatefulSetVolumes.claim(Chart.render(), "hdfs-datanode").getSpec().getStorageClassName()).isNull();
        assertThat(StatefulSetVolumes.claim(Chart.render(Map.of("hdfs.datanode.persistence.storageClass", "bulk")), "hdfs-datanode")
                .getSpec().getStorageClassName()).isEqualTo("bulk");
    }

    @Test
    void shouldSizeEachDataNodesVolumeByHdfsDatanodePersistenceSize() {
        assertThat(StatefulSetVolumes.claim(Chart.render(Map.of("hdfs.datanode.persistence.size", "100Gi")), "hdfs-datanode")
                .getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("100Gi");
    }
}
