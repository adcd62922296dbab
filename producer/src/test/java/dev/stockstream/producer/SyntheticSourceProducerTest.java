package dev.stockstream.producer;

import static dev.stockstream.producer.CsvSourceProducerTest.pauseAndDrain;
import static dev.stockstream.producer.CsvSourceProducerTest.resume;
import static dev.stockstream.producer.CsvSourceProducerTest.sent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockstream.embedded.EmbeddedKafka;
import dev.stockstream.model.TickJson;
import dev.stockstream.model.TickResult;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

@QuarkusTest
@TestProfile(SyntheticSourceProducerTest.Synthetic.class)
@WithTestResource(KafkaBrokerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(240)
class SyntheticSourceProducerTest {

    public static class Synthetic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("producer.source", "synthetic", "producer.symbol.count", "50", "producer.rate", "1000");
        }
    }

    @Test
    @Order(1)
    void syntheticTicksCoverEveryGeneratedSymbolAndPassTheContract() {
        await().atMost(Duration.ofSeconds(30)).until(() -> sent() >= 2000);
        pauseAndDrain();

        List<ConsumerRecord<String, byte[]>> records = readTopic();

        assertThat(records).hasSize((int) sent());
        for (ConsumerRecord<String, byte[]> record : records) {
            TickResult decoded = TickJson.decode(record.value());
            assertThat(decoded.rejection()).isNull();
            assertThat(record.key()).isEqualTo(decoded.tick().symbol());
        }
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50).mapToObj(i -> "SYN" + i).toList());
        resume();
    }

    @Test
    @Order(2)
    void afterABrokerRestartEveryTickReportedSentIsOnTheTopicExactlyOnce() throws Exception {
        EmbeddedKafka broker = KafkaBrokerResource.broker();
        long before = sent();
        await().atMost(Duration.ofSeconds(10)).until(() -> sent() > before + 1000);

        broker.stop();
        Thread.sleep(2_000);
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

    private static List<ConsumerRecord<String, byte[]>> readTopic() {
        return TopicReader.readAll(KafkaBrokerResource.broker().bootstrapServers(), KafkaBrokerResource.TOPIC);
    }

}
