package dev.stockstream.spark;

import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.embedded.EmbeddedKafka;
import java.net.URI;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Kafka broker, one HDFS cluster and one {@code local[2]} Spark session for all the test
 * classes of the module, started on first use and closed when the test run ends.
 */
final class KafkaHdfsSparkExtension implements BeforeAllCallback {

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    static EmbeddedKafka kafka() {
        return running().kafka;
    }

    static EmbeddedHdfs hdfs() {
        return running().hdfs;
    }

    static SparkSession spark() {
        return running().spark;
    }

    /** A fresh output root on the shared HDFS. */
    static URI outputRoot(String name) {
        return URI.create(running().hdfs.uri() + "/" + name);
    }

    static JobSettings settings(String topic, String rootName) {
        return JobSettings.fromEnvironmentAndArgs(java.util.Map.of(),
                JobSettings.KAFKA_BOOTSTRAP_SERVERS + "=" + kafka().bootstrapServers(), JobSettings.STOCK_TOPIC + "=" + topic,
                JobSettings.STOCK_OUTPUT_ROOT + "=" + outputRoot(rootName), JobSettings.STOCK_TRIGGER_INTERVAL + "=100ms");
    }

    private static synchronized Running running() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(KafkaHdfsSparkExtension.class)");
        }
        return running;
    }

    private static synchronized Running start() {
        running = new Running(EmbeddedKafka.startDefault(), EmbeddedHdfs.startDefault(),
                localSpark("local[2]", "stock-spark-app-test"));
        return running;
    }

    /** A Spark session for the tests and the benchmark, writing to a one-datanode HDFS. */
    static SparkSession localSpark(String master, String appName) {
        SparkSession.Builder builder = SparkSession.builder()
                .master(master)
                .appName(appName)
                .config("spark.driver.host", "localhost")
                .config("spark.driver.bindAddress", "localhost")
                .config("spark.ui.enabled", "false");
        EmbeddedHdfs.CLIENT_SETTINGS.forEach((name, value) -> builder.config("spark.hadoop." + name, value));
        return builder.getOrCreate();
    }

    private record Running(EmbeddedKafka kafka, EmbeddedHdfs hdfs, SparkSession spark)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            spark.stop();
            hdfs.close();
            kafka.close();
        }
    }
}
