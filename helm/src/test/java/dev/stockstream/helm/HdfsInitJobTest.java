package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/hdfs/init-job.yaml: the hook Job that creates the output root for the Spark user. */
@Timeout(120)
class HdfsInitJobTest {

    @Test
    void shouldDeployTheHdfsInitJobThatGivesTheOutputRootToTheSparkUser() {
        JsonNode job = Chart.render(Map.of("stock.outputRoot", "/data/ticks", "hdfs.outputOwner", "spark:spark")).component("Job", "hdfs-init");

        assertThat(job.toString()).contains("\"hdfs://stock-streaming-hdfs-namenode:8020/data/ticks\"", "\"spark:spark\"", "-chown");
    }
}
