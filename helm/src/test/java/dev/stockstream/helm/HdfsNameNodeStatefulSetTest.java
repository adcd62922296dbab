package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/hdfs/namenode-statefulset.yaml: the one NameNode of the chart's HDFS. */
@Timeout(120)
class HdfsNameNodeStatefulSetTest {

    @Test
    void shouldFormatTheNameNodeOnlyWhenItsVolumeHasNoFormattedImage() {
        String command = String.join("\n", Workloads.container(Chart.render(), "hdfs-namenode").getCommand());

        assertThat(command).contains("if [ ! -f /hadoop/dfs/name/current/VERSION ]", "namenode -format -nonInteractive", "exec /opt/hadoop/bin/hdfs namenode");
        assertThat(command).doesNotContain("-force");
    }

    @Test
    void shouldRunOneNameNodeWhateverTheReplicasOfTheOtherComponents() {
        assertThat(Chart.render(Map.of("kafka.replicas", 3, "hdfs.datanode.replicas", 4, "visualizer.replicas", 2)).replicas("StatefulSet", "hdfs-namenode")).isEqualTo(1);
    }

    @Test
    void shouldUseTheClusterDefaultStorageClassUnlessHdfsNamenodePersistenceStorageClassIsGiven() {
        assertThat(StatefulSetVolumes.storageClass(Map.of(), "hdfs-namenode")).isNull();
        assertThat(StatefulSetVolumes.storageClass(Map.of("hdfs.namenode.persistence.storageClass", "fast-ssd"), "hdfs-namenode"))
                .isEqualTo("fast-ssd");
    }
}
