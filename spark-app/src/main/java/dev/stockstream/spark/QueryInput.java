package dev.stockstream.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockstream.store.BatchInput;
import dev.stockstream.store.OffsetRange;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.connector.read.streaming.Offset;
import org.apache.spark.sql.connector.read.streaming.SparkDataStream;
import org.apache.spark.sql.execution.streaming.StreamExecution;
import scala.Option;

/**
 * The input of the micro-batch a query is running, as Spark planned it from its checkpoint: the
 * Kafka source's offsets before the batch (committed) and after it (available), per partition.
 * Read on the query's own thread, during the batch, when both are the batch's own.
 */
final class QueryInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryInput() {
    }

    static BatchInput of(StreamExecution execution, String topic) {
        if (execution.availableOffsets().size() != 1) {
            throw new IllegalStateException("the query reads " + execution.availableOffsets().size()
                    + " sources; the job reads exactly one Kafka topic");
        }
        SparkDataStream source = execution.availableOffsets().keys().head();
        Offset end = execution.availableOffsets().get(source).get();
        Option<Offset> committed = execution.committedOffsets().get(source);
        Offset start = committed.isDefined() ? committed.get() : source.initialOffset();
        Map<Integer, Long> from = partitionOffsets(start.json(), topic);
        Map<Integer, OffsetRange> ranges = new TreeMap<>();
        // A partition added to the topic since the last batch has no start yet: Spark reads it from its earliest offset.
        partitionOffsets(end.json(), topic).forEach((partition, until) ->
                ranges.put(partition, new OffsetRange(Math.min(from.getOrDefault(partition, 0L), until), until)));
        return new BatchInput(execution.id().toString(), topic, ranges);
    }

    /** The offsets of {@code topic} in the Kafka source's offset JSON, {@code {"topic":{"0":12,"1":40}}}. */
    static Map<Integer, Long> partitionOffsets(String offsetJson, String topic) {
        Map<Integer, Long> offsets = new TreeMap<>();
        try {
            JsonNode partitions = JSON.readTree(offsetJson).path(topic);
            for (Iterator<Map.Entry<String, JsonNode>> it = partitions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                offsets.put(Integer.parseInt(entry.getKey()), entry.getValue().asLong());
            }
        } catch (Exception e) {
            throw new IllegalStateException("unexpected Kafka source offset " + offsetJson, e);
        }
        return offsets;
    }

    /** The Kafka source's offset JSON for {@code offsets} of {@code topic}. */
    static String offsetJson(String topic, Map<Integer, Long> offsets) {
        Map<String, Long> byPartition = new TreeMap<>();
        offsets.forEach((partition, offset) -> byPartition.put(Integer.toString(partition), offset));
        try {
            return JSON.writeValueAsString(Map.of(topic, byPartition));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
