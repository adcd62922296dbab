package dev.stockstream.producer;

import static dev.stockstream.producer.CsvSourceProducerTest.pauseAndDrain;
import static dev.stockstream.producer.CsvSourceProducerTest.startSendingAt;
import static dev.stockstream.producer.CsvSourceProducerTest.sent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockstream.embedded.EmbeddedKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@QuarkusTest
@TestProfile(SyntheticSourceProducerTest.Synthetic.class)
@WithTestResource(KafkaBrokerResource.class)
@Timeout(240)
class SyntheticSourceProducerTest {

    static final int RATE = 1000;

    @Inject
    KafkaClientService kafkaClients;

    public static class Synthetic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("producer.source", "synthetic", "producer.symbol.count", "50", "producer.rate", String.valueOf(RATE));
        }
    }

    /** Every test starts sending at the profile's rate, whatever the one before left. */
    @BeforeEach
    void sendingAtTheProfilesRate() {
        ApiCredential.sendWithEveryRequest();
        startSendingAt(RATE);
    }

    @Test
    void syntheticTicksCoverEveryGeneratedSymbolAndPassTheContract() {
        long before = sent();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent() >= before + 2000);
        pauseAndDrain();

        List<ConsumerRecord<String, byte[]>> records = readTopic();

        assertThat(records).hasSize((int) sent());
        assertThat(TopicReader.symbolsOfValidTicks(records))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50).mapToObj(i -> "SYN" + i).toList());
    }

    @Test
    void afterABrokerRestartEveryTickReportedSentIsOnTheTopicExactlyOnce() throws Exception {
        EmbeddedKafka broker = KafkaBrokerResource.broker();
        long before = sent();
        await().atMost(Duration.ofSeconds(10)).until(() -> sent() > before + 1000);

        broker.stop();
        // The outage as the producer sees it: no connection left, ticks waiting for an acknowledgement.
        await().atMost(Duration.ofSeconds(30)).until(() -> brokerConnections() == 0 && inFlight() > 0);
        long duringOutage = sent();
        broker.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> sent() > duringOutage + 2000);
        pauseAndDrain();

        Map<String, Object> status = given().get("/producer/status").then().extract().jsonPath().getMap("$");
        List<ConsumerRecord<String, byte[]>> records = readTopic();
        assertThat(((Number) status.get("failed")).longValue()).isZero();
        assertThat(records).hasSize((int) sent());
        Map<String, Long> onTopic = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        Map<String, Map<String, Object>> symbols = given().get("/producer/status").then().extract().jsonPath().getMap("symbols");
        Map<String, Long> reported = symbols.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue().get("sent")).longValue()));
        assertThat(onTopic).isEqualTo(reported);
        assertThat(records.stream().map(r -> new String(r.value())).distinct().count())
                .as("no record appears twice").isEqualTo(records.size());
    }

    /** Open connections of the client the ticks are sent with, from its own metrics. */
    private double brokerConnections() {
        return kafkaClients.getProducer(KafkaTickSender.CHANNEL).unwrap().metrics().values().stream()
                .filter(m -> m.metricName().group().equals("producer-metrics") && m.metricName().name().equals("connection-count"))
                .mapToDouble(m -> ((Number) m.metricValue()).doubleValue()).sum();
    }

    private static int inFlight() {
        return given().get("/producer/status").then().extract().jsonPath().getInt("inFlight");
    }

    private static List<ConsumerRecord<String, byte[]>> readTopic() {
        return TopicReader.readAll(KafkaBrokerResource.broker().bootstrapServers(), KafkaBrokerResource.TOPIC);
    }

}
