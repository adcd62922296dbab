package dev.stockstream.spark;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkEnv;
import org.apache.spark.metrics.source.Source;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * The job's figures per query in Spark's own metrics system, so that every sink configured there
 * (the chart's {@code PrometheusServlet} on the driver's UI port) shows them: the last batch's id,
 * input rows and processing time, and the Kafka offsets the query is behind the topic's end (the
 * most of any partition, as the Kafka source reports it in the batch's progress). Spark's own
 * streaming metrics ({@code spark.sql.streaming.metricsEnabled}) give rates and latency, not these.
 */
public final class QueryMetrics extends StreamingQueryListener implements Source {

    /**
     * The Spark settings that expose the driver's metrics, these included, for Prometheus at
     * {@code /metrics/prometheus} on the UI port (and the executors' at
     * {@code /metrics/executors/prometheus}), with Spark's streaming metrics on; the chart and the
     * local runner set them.
     */
    public static final Map<String, String> SPARK_CONF = Map.of(
            "spark.ui.prometheus.enabled", "true",
            "spark.metrics.conf.*.sink.prometheusServlet.class", "org.apache.spark.metrics.sink.PrometheusServlet",
            "spark.metrics.conf.*.sink.prometheusServlet.path", "/metrics/prometheus",
            "spark.metrics.namespace", "stockstream",
            "spark.sql.streaming.metricsEnabled", "true");

    static final String SOURCE_NAME = "queries";
    private static final String OFFSETS_BEHIND = "maxOffsetsBehindLatest";

    private final MetricRegistry registry = new MetricRegistry();
    private final Map<String, StreamingQueryProgress> lastProgress = new ConcurrentHashMap<>();

    QueryMetrics(List<String> queryNames) {
        for (String query : queryNames) {
            gauge(query, "batchId", progress -> progress.batchId());
            gauge(query, "inputRows", progress -> progress.numInputRows());
            gauge(query, "processingMs", progress -> progress.durationMs().getOrDefault("triggerExecution", 0L));
            gauge(query, "offsetsBehindLatest", QueryMetrics::offsetsBehindLatest);
        }
    }

    /** Registers the metrics of the job's queries with the session's metrics system and listener bus. */
    public static QueryMetrics install(SparkSession spark, List<String> queryNames) {
        QueryMetrics metrics = new QueryMetrics(queryNames);
        SparkEnv.get().metricsSystem().registerSource(metrics);
        spark.streams().addListener(metrics);
        return metrics;
    }

    private interface Figure {
        long of(StreamingQueryProgress progress);
    }

    private void gauge(String query, String name, Figure figure) {
        registry.register(MetricRegistry.name(query, name), (Gauge<Long>) () -> {
            StreamingQueryProgress progress = lastProgress.get(query);
            return progress == null ? 0L : figure.of(progress);
        });
    }

    static long offsetsBehindLatest(StreamingQueryProgress progress) {
        long behind = 0;
        for (SourceProgress source : progress.sources()) {
            String value = source.metrics().get(OFFSETS_BEHIND);
            if (value != null) {
                behind = Math.max(behind, Math.round(Double.parseDouble(value)));
            }
        }
        return behind;
    }

    @Override
    public String sourceName() {
        return SOURCE_NAME;
    }

    @Override
    public MetricRegistry metricRegistry() {
        return registry;
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        lastProgress.put(event.progress().name(), event.progress());
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
    }
}
