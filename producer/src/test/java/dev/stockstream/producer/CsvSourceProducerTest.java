package dev.stockstream.producer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@Timeout(120)
class CsvSourceProducerTest {

    /** The configured rate (application.properties), which every test starts from. */
    static final int CONFIGURED_RATE = 200;

    @Inject
    KafkaClientService kafkaClients;

    /** Every test starts sending at the configured rate, whatever the one before left. */
    @BeforeEach
    void sendingAtTheConfiguredRate() {
        ApiCredential.sendWithEveryRequest();
        startSendingAt(CONFIGURED_RATE);
    }

    @Test
    void csvTicksArriveKeyedBySymbolAndPassTheContract() {
        long before = sent();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent() >= before + 300);
        pauseAndDrain();

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(
                KafkaBrokerResource.broker().bootstrapServers(), KafkaBrokerResource.TOPIC);

        assertThat(records).hasSize((int) sent());
        assertThat(TopicReader.symbolsOfValidTicks(records)).containsExactlyInAnyOrder("AAPL", "AMZN", "GOOG", "IBM", "MSFT");
        given().get("/producer/status").then().statusCode(200)
                .body("source", equalTo("csv"))
                .body("failed", equalTo(0))
                .body("symbols.AAPL.lastPrice", org.hamcrest.Matchers.greaterThan(0f));
    }

    @Test
    void pauseStopsSendingAndResumeStartsAgain() {
        pauseAndDrain();
        long pausedAt = sent();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> sent() == pausedAt);

        resume();

        await().atMost(Duration.ofSeconds(10)).until(() -> sent() > pausedAt + 50);
    }

    @Test
    void aPauseAnswersOnceTheTopicHoldsEveryTickSentBeforeIt() {
        // linger.ms=5 and 20,000 ticks/s: about a hundred ticks wait for their acknowledgement at any moment.
        startSendingAt(20_000);
        long before = sent();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent() > before + 10_000);

        JsonPath paused = given().post("/producer/pause").then().statusCode(200)
                .body("paused", equalTo(true)).body("inFlight", equalTo(0)).body("failed", equalTo(0))
                .extract().jsonPath();

        assertThat(TopicReader.readAll(KafkaBrokerResource.broker().bootstrapServers(), KafkaBrokerResource.TOPIC))
                .hasSize((int) paused.getLong("sent"));
    }

    @Test
    void theRateCanBeChangedWhileRunning() {
        given().contentType(ContentType.JSON).body("{\"rate\": 1000}").put("/producer/rate")
                .then().statusCode(200).body("configuredRate", equalTo(1000.0f));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> achievedRate() > 800 && achievedRate() < 1200);

        given().contentType(ContentType.JSON).body("{\"rate\": 20}").put("/producer/rate").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> achievedRate() > 10 && achievedRate() < 30);
    }

    @Test
    void badRatesAnswer400WithAMessage() {
        given().contentType(ContentType.JSON).body("{\"rate\": 20}").put("/producer/rate").then().statusCode(200);
        for (String body : List.of("{\"rate\": 0}", "{\"rate\": -5}", "{\"rate\": 1e12}", "{}")) {
            given().contentType(ContentType.JSON).body(body).put("/producer/rate")
                    .then().statusCode(400).body("error", containsString("rate"));
        }
        given().contentType(ContentType.JSON).body("{\"rate\": \"fast\"}").put("/producer/rate")
                .then().statusCode(400).body("error", containsString("JSON"));
        given().contentType(ContentType.JSON).body("{not json").put("/producer/rate")
                .then().statusCode(400).body("error", containsString("JSON"));
        given().get("/producer/status").then().body("configuredRate", equalTo(20.0f));
    }

    @Test
    void theChannelsKafkaSettingsReachTheClientTheTicksAreSentWith() {
        Map<String, String> config = kafkaClients.getProducer(KafkaTickSender.CHANNEL).configuration().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));

        assertThat(config).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("compression.type", "lz4").containsEntry("linger.ms", "5")
                .containsEntry("batch.size", "131072").containsEntry("delivery.timeout.ms", "120000");
    }

    @Test
    void healthIsUpWithKafkaInReadiness() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Kafka"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("producer_ticks_sent_total"))
                .body(containsString("producer_send_latency_seconds"));
    }

    static long sent() {
        return given().get("/producer/status").then().extract().jsonPath().getLong("sent");
    }

    static double achievedRate() {
        return given().get("/producer/status").then().extract().jsonPath().getDouble("achievedRate");
    }

    static void pauseAndDrain() {
        given().post("/producer/pause").then().statusCode(200).body("paused", equalTo(true));
        await().atMost(Duration.ofSeconds(60)).until(
                () -> given().get("/producer/status").then().extract().jsonPath().getInt("inFlight") == 0);
    }

    static void resume() {
        given().post("/producer/resume").then().statusCode(200).body("paused", equalTo(false));
    }

    static void startSendingAt(int rate) {
        given().contentType(ContentType.JSON).body("{\"rate\": " + rate + "}").put("/producer/rate").then().statusCode(200);
        resume();
    }
}
