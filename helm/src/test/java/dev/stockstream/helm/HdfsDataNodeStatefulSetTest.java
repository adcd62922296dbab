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
        assertThat(Chart.render(Map.of("hdfs.datanode.replicas", 4)).replicas("StatefulSet", "hdfs-datanode")).isEqualTo(4);
    }

    @Test
    void shouldUseTheClusterDefaultStorageClassUnlessHdfsDatanodePersistenceStorageClassIsGiven() {
        assertThat(StatefulSetVolumes.storageClass(Map.of(), "hdfs-datanode")).isNull();
        assertThat(StatefulSetVolumes.storageClass(Map.of("hdfs.datanode.persistence.storageClass", "bulk"), "hdfs-datanode"))
                .isEqualTo("bulk");
    }

    @Test
    void shouldSizeEachDataNodesVolumeByHdfsDatanodePersistenceSize() {
        assertThat(StatefulSetVolumes.claim(Chart.render(Map.of("hdfs.datanode.persistence.size", "100Gi")), "hdfs-datanode")
                .getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("100Gi");
    }
}
