package dev.stockstream.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockstream.embedded.EmbeddedKafka;
import dev.stockstream.embedded.FreePorts;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged producer against a broker that takes only SASL/PLAIN logins, with the client settings
 * in the file STOCK_KAFKA_CLIENT_CONFIG names (as the chart mounts it from a Secret): its ticks arrive,
 * and its readiness, which checks Kafka, is UP.
 */
@Timeout(300)
class PackagedProducerSecuredKafkaIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withTheClientConfigFileTheTicksReachASaslCluster(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka secured = EmbeddedKafka.builder().saslPlain("stockproducer", "a-secret-of-the-producer").build().start()) {
            secured.createTopic("secured-ticks", 2);
            Properties client = new Properties();
            client.putAll(secured.clientSecurity());
            Path file = dir.resolve("client.properties");
            try (Writer writer = Files.newBufferedWriter(file)) {
                client.store(writer, null);
            }
            int port = FreePorts.pick();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", System.getProperty("quarkus.app.jar")).redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "packaged-secured-kafka.log").toFile());
            builder.environment().put("PRODUCER_API_PASSWORD", ApiCredential.PASSWORD);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", secured.bootstrapServers());
            builder.environment().put("STOCK_TOPIC", "secured-ticks");
            builder.environment().put("STOCK_KAFKA_CLIENT_CONFIG", file.toString());
            builder.environment().put("PRODUCER_RATE", "500");
            Process process = builder.start();
            try {
                await("the producer ready (log: target/packaged-secured-kafka.log)").atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(250)).ignoreExceptions().failFast(() -> !process.isAlive())
                        .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
                await("ticks on the secured topic").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> TopicReader.readAll(secured.bootstrapServers(), secured.clientSecurity(), "secured-ticks").size() >= 100);
                assertThat(TopicReader.symbolsOfValidTicks(TopicReader.readAll(secured.bootstrapServers(), secured.clientSecurity(),
                        "secured-ticks"))).isNotEmpty();
            } finally {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
