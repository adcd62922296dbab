package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/hdfs/configmap.yaml: core-site.xml and hdfs-site.xml of the chart's HDFS. */
@Timeout(120)
class HdfsConfigMapTest {

    @Test
    void shouldTurnHdfsPermissionChecksOffIfHdfsPermissionsEnabledIsFalse() {
        String hdfsSite = Chart.render(Map.of("hdfs.permissionsEnabled", false)).component("ConfigMap", "hdfs")
                .path("data").path("hdfs-site.xml").asText();

        assertThat(hdfsSite).contains("<name>dfs.permissions.enabled</name><value>false</value>");
    }
}
