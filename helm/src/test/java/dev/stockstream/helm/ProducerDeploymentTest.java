package dev.stockstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** templates/producer/deployment.yaml: the producer's pod. */
@Timeout(120)
class ProducerDeploymentTest {

    @Test
    void shouldGiveTheProducerNoCsvPathUnlessProducerCsvPathIsSet() {
        assertThat(Workloads.env(Workloads.container(Chart.render(), "producer"))).doesNotContainKey("PRODUCER_CSV_PATH");
        assertThat(Workloads.env(Workloads.container(Chart.render(Map.of("producer.csvPath", "/data/stocks.csv")), "producer")))
                .containsEntry("PRODUCER_CSV_PATH", "/data/stocks.csv");
    }
}
