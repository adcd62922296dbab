package dev.stockstream.producer;

import dev.stockstream.embedded.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real KRaft broker in the test JVM with the topic created, for one test class. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOPIC = "stockTopic";
    private static volatile EmbeddedKafka broker;

    public static EmbeddedKafka broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = EmbeddedKafka.startDefault();
        broker.createTopic(TOPIC, 4);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), "stock.topic", TOPIC);
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
