package dev.stockstream.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockstream.embedded.FreePorts;
import dev.stockstream.producer.config.ProducerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The packaged producer, started as its container starts it: writes need the API credential, reads do not. */
@Timeout(300)
class PackagedProducerApiAuthIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void writesAre401WithoutTheCredentialAnd200WithItWhileStatusIsOpen() throws Exception {
        int port = FreePorts.pick();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("quarkus.app.jar")).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "packaged-api-auth.log").toFile());
        builder.environment().put("PRODUCER_API_PASSWORD", ApiCredential.PASSWORD);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");
        Process process = builder.start();
        try {
            String base = "http://localhost:" + port + "/producer/";
            HttpResponse<String> status = awaitStarted(process, base + "status");
            assertThat(status.statusCode()).isEqualTo(200);

            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(base + "pause")).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(anonymous.body()).contains("PRODUCER_API_PASSWORD");

            String credential = Base64.getEncoder().encodeToString(
                    (ProducerSettings.API_USER + ":" + ApiCredential.PASSWORD).getBytes(StandardCharsets.UTF_8));
            // a rate change answers at once (a pause waits for the round and the acknowledgements in flight, up to 10 s with no broker)
            HttpResponse<String> rated = send(HttpRequest.newBuilder(URI.create(base + "rate"))
                    .header("Authorization", "Basic " + credential).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"rate\": 50}")));
            assertThat(rated.statusCode()).isEqualTo(200);
            assertThat(rated.body()).contains("\"configuredRate\":50.0");
            HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(base + "rate"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (ProducerSettings.API_USER + ":not-the-password-at-all").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"rate\": 70}")));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "status")).GET()).body()).contains("\"configuredRate\":50.0");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> awaitStarted(Process process, String url) {
        return await("the producer answering at " + url + " (log: target/packaged-api-auth.log)").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().failFast(() -> !process.isAlive())
                .until(() -> send(HttpRequest.newBuilder(URI.create(url)).GET()), response -> true);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
