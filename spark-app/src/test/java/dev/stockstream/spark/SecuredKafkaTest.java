package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockstream.embedded.EmbeddedKafka;
import dev.stockstream.model.BatchRow;
import dev.stockstream.model.Tick;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A broker that takes only SASL/PLAIN logins, read with the client settings of STOCK_KAFKA_CLIENT_CONFIG. */
@ExtendWith(KafkaHdfsSparkExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecuredKafkaTest {

    private static final long T0 = TestTopicWriter.T0;

    @Test
    void theJobReadsASaslClusterWithTheClientSettingsOfItsFile(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka secured = EmbeddedKafka.builder().saslPlain("stockjob", "a-secret-of-the-job").build().start()) {
            String topic = "secured-ticks";
            secured.createTopic(topic, 2);
            try (TestTopicWriter sender = new TestTopicWriter(secured, topic)) {
                sender.send(0, new Tick("AAPL", 10.0, 1, T0));
                sender.send(1, new Tick("AAPL", 30.0, 3, T0 + 5));
                sender.flush();
            }
            Path file = clientConfig(dir, secured.clientSecurity());
            JobSettings settings = KafkaHdfsSparkExtension.settings(topic, topic).with(Map.of(
                    JobSettings.KAFKA_BOOTSTRAP_SERVERS, secured.bootstrapServers(),
                    JobSettings.STOCK_KAFKA_CLIENT_CONFIG, file.toString()));
            StreamingQuery query = StockStreamingJob.start(settings, KafkaHdfsSparkExtension.spark());
            try {
                query.processAllAvailable();
            } finally {
                query.stop();
            }
            try (OutputReader output = new OutputReader(settings.outputRoot())) {
                assertThat(output.rows(0)).containsExactly(new BatchRow(0, T0 + 5, "AAPL", 20.0, 10.0, 30.0, 25.0, 2, 4));
            }
        }
    }

    @Test
    void aClientConfigFileThatCannotBeReadIsRefusedByName() {
        assertThatThrownBy(() -> KafkaClientConfig.read("/no/such/client.properties"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("STOCK_KAFKA_CLIENT_CONFIG must be a readable Kafka client properties file, got /no/such/client.properties");
    }

    @Test
    void aClientConfigFileMayNotNameOtherBrokers(@TempDir Path dir) throws IOException {
        Path file = clientConfig(dir, Map.of("bootstrap.servers", "elsewhere:9092"));
        assertThatThrownBy(() -> KafkaClientConfig.read(file.toString()))
                .hasMessageContaining("must not set bootstrap.servers, KAFKA_BOOTSTRAP_SERVERS does");
        assertThat(KafkaClientConfig.read("")).isEmpty();
    }

    private static Path clientConfig(Path dir, Map<String, String> settings) throws IOException {
        Properties properties = new Properties();
        properties.putAll(settings);
        Path file = dir.resolve("client.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "Kafka client settings of a secured cluster");
        }
        return file;
    }
}
