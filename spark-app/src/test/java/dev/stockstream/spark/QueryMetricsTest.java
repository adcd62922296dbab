package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.Gauge;
import dev.stockstream.model.Tick;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** QueryMetrics: the job's per-query figures, from the progress of a real query on a real topic. */
@ExtendWith(KafkaHdfsSparkExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class QueryMetricsTest {

    private static final int PARTITIONS = 2;
    private static final int PER_PARTITION = 300;

    @Test
    void theGaugesFollowTheLastBatchAndTheLagIsWhatTheBatchLeftOnTheTopic() throws Exception {
        String topic = "query-metrics";
        KafkaHdfsSparkExtension.kafka().createTopic(topic, PARTITIONS);
        try (TestTopicWriter sender = new TestTopicWriter(KafkaHdfsSparkExtension.kafka(), topic)) {
            for (int n = 0; n < PER_PARTITION; n++) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    sender.send(partition, new Tick("S" + n % 3, 10.0 + n % 7, 5, TestTopicWriter.T0 + n));
                }
            }
            sender.flush();
        }
        JobSettings settings = KafkaHdfsSparkExtension.settings(topic, topic)
                .with(Map.of(JobSettings.STOCK_TRIGGER_INTERVAL, "0", JobSettings.STOCK_MAX_OFFSETS_PER_TRIGGER, "100"));
        QueryMetrics metrics = new QueryMetrics(List.of(StockStreamingJob.QUERY_NAME));
        KafkaHdfsSparkExtension.spark().streams().addListener(metrics);
        StreamingQuery query = StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark());
        try {
            query.processAllAvailable();
            StreamingQueryProgress[] progress = query.recentProgress();
            StreamingQueryProgress first = progress[0];
            StreamingQueryProgress last = progress[progress.length - 1];

            assertThat(first.numInputRows()).isEqualTo(100);
            assertThat(QueryMetrics.offsetsBehindLatest(first)).as("each partition's offsets after the first batch's 50")
                    .isEqualTo(PER_PARTITION - 50);
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge(metrics, "batchId") == last.batchId());
            assertThat(gauge(metrics, "inputRows")).isEqualTo(last.numInputRows()).isPositive();
            assertThat(gauge(metrics, "processingMs")).isEqualTo(last.durationMs().get("triggerExecution")).isPositive();
            assertThat(gauge(metrics, "offsetsBehindLatest")).isZero();
        } finally {
            query.stop();
            KafkaHdfsSparkExtension.spark().streams().removeListener(metrics);
        }
    }

    @Test
    void aQueryThatHasNotRunYetShowsZeros() {
        QueryMetrics metrics = new QueryMetrics(List.of(CandleQuery.QUERY_NAME));
        assertThat(metrics.metricRegistry().getGauges().keySet()).containsExactlyInAnyOrder(
                "stock-candles.batchId", "stock-candles.inputRows", "stock-candles.processingMs",
                "stock-candles.offsetsBehindLatest");
        assertThat(gauge(metrics, CandleQuery.QUERY_NAME, "inputRows")).isZero();
    }

    private static long gauge(QueryMetrics metrics, String name) {
        return gauge(metrics, StockStreamingJob.QUERY_NAME, name);
    }

    private static long gauge(QueryMetrics metrics, String query, String name) {
        Gauge<?> gauge = metrics.metricRegistry().getGauges().get(query + "." + name);
        return (Long) gauge.getValue();
    }
}
