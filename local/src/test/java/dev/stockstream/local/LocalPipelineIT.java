package dev.stockstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockstream.embedded.FreePorts;
import dev.stockstream.model.BatchRow;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import dev.stockstream.store.BatchReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The local runner end to end: every tick produced is counted once, in a batch or in quarantine. */
@Timeout(600)
class LocalPipelineIT {

    private static final List<String> BAD_RECORDS = List.of(
            "not json", "{\"symbol\":\"aapl\",\"price\":1,\"volume\":1,\"ts\":1732406400123}",
            "{\"symbol\":\"AAPL\",\"price\":-1,\"volume\":1,\"ts\":1732406400123}", "");

    @TempDir
    Path dataDir;

    @Test
    void everyTickTheProducerSentIsCountedOnceInACommittedBatchOrInQuarantine() throws Exception {
        LocalConfig config = new LocalConfig(dataDir, Path.of(System.getProperty("stock.repo.root")), false, "stockTopic",
                "csv", 300, 0, "2s", 5, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick());
        try (Pipeline pipeline = Pipeline.start(config, System.out)) {
            sendBadRecords(config);

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> batchIds(Http.get(config.dashboardUrl() + "api/batches?last=5")).size() >= 5);
            String dashboard = Http.get(config.dashboardUrl());
            assertThat(dashboard).contains("id=\"bar\"").contains("id=\"trend\"");
            assertThat(countOf(dashboard, "<svg")).isGreaterThanOrEqualTo(2);

            Http.postAsOperator(config.producerUrl() + "/producer/pause", config.producerApiPassword());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Http.number(Http.get(config.producerUrl() + "/producer/status"), "inFlight") == 0);
            long sent = Http.number(Http.get(config.producerUrl() + "/producer/status"), "sent");

            Totals totals = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> readTotals(config), t -> t.ticks() + t.quarantined() >= sent + BAD_RECORDS.size());

            assertThat(totals.ticks()).isEqualTo(sent);
            assertThat(totals.quarantined()).isEqualTo(BAD_RECORDS.size());
            assertThat(totals.reasons()).contains(RejectReason.UNPARSEABLE_JSON, RejectReason.BAD_SYMBOL,
                    RejectReason.BAD_PRICE, RejectReason.EMPTY_VALUE);
            assertThat(TickCounts.inCommittedBatches(config.outputRoot()))
                    .as("tick_count per symbol over all committed batches: each valid tick on the topic counted once")
                    .isEqualTo(TickCounts.validOnTopic(config.bootstrapServers(), config.topic()));
            await("nothing more arrives once drained").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> readTotals(config), totals::equals);
        }
    }

    record Totals(long ticks, long quarantined, List<Long> batchIds, Set<RejectReason> reasons) {
    }

    /** Sums every committed batch and every quarantine file, straight from HDFS. */
    private static Totals readTotals(LocalConfig config) throws Exception {
        long ticks = 0;
        long quarantined = 0;
        Set<RejectReason> reasons = new HashSet<>();
        try (BatchReader output = BatchReader.open(URI.create(config.outputRoot()), new Configuration())) {
            List<Long> ids = output.listCommittedBatchIds();
            for (long id : ids) {
                ticks += output.readBatch(id).rows().stream().mapToLong(BatchRow::tickCount).sum();
            }
            for (long id : output.listQuarantinedBatchIds()) {
                for (QuarantineRecord record : output.readQuarantine(id)) {
                    reasons.add(record.reason());
                    quarantined++;
                }
            }
            return new Totals(ticks, quarantined, ids, reasons);
        }
    }

    private static void sendBadRecords(LocalConfig config) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String value : BAD_RECORDS) {
                producer.send(new ProducerRecord<>(config.topic(), "BAD", value)).get();
            }
        }
    }

    private static List<Long> batchIds(String json) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"batchId\":(\\d+),\"committedAt\"").matcher(json);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
