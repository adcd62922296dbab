package dev.stockstream.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a committed batch came from, kept beside its data ({@code _INPUT.json}): the streaming
 * query's id (kept in its checkpoint, so it is the same across restarts and new for a new
 * checkpoint) and the Kafka offset range read from each partition of the topic.
 */
public record BatchInput(String queryId, String topic, SortedMap<Integer, OffsetRange> partitions) {

    private static final JsonFactory FACTORY = new JsonFactory();

    public BatchInput {
        partitions = Collections.unmodifiableSortedMap(new TreeMap<>(partitions));
    }

    public BatchInput(String queryId, String topic, Map<Integer, OffsetRange> partitions) {
        this(queryId, topic, new TreeMap<>(partitions));
    }

    /** The offset each partition continues from after this batch. */
    public SortedMap<Integer, Long> endOffsets() {
        SortedMap<Integer, Long> ends = new TreeMap<>();
        partitions.forEach((partition, range) -> ends.put(partition, range.until()));
        return ends;
    }

    /** One line for logs and errors: {@code query 1c2f..., stockTopic 0:[12,40) 1:[7,33)}. */
    public String describe() {
        StringBuilder text = new StringBuilder("query ").append(queryId).append(", ").append(topic);
        partitions.forEach((partition, range) -> text.append(' ').append(partition).append(':').append(range));
        return text.toString();
    }

    public String toJson() {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("query_id", queryId);
            json.writeStringField("topic", topic);
            json.writeArrayFieldStart("partitions");
            for (Map.Entry<Integer, OffsetRange> entry : partitions.entrySet()) {
                json.writeStartObject();
                json.writeNumberField("partition", entry.getKey());
                json.writeNumberField("from", entry.getValue().from());
                json.writeNumberField("until", entry.getValue().until());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Parses what {@link #toJson()} wrote; throws IllegalArgumentException for anything else. */
    public static BatchInput parse(String text) {
        String queryId = null;
        String topic = null;
        SortedMap<Integer, OffsetRange> partitions = new TreeMap<>();
        try (JsonParser json = FACTORY.createParser(text)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "query_id" -> queryId = json.getValueAsString();
                    case "topic" -> topic = json.getValueAsString();
                    case "partitions" -> {
                        expect(value, JsonToken.START_ARRAY);
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            readPartition(json, partitions);
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a batch input record: " + e.getMessage(), e);
        }
        if (queryId == null || topic == null || partitions.isEmpty()) {
            throw new IllegalArgumentException("a batch input record needs query_id, topic and partitions");
        }
        return new BatchInput(queryId, topic, partitions);
    }

    private static void readPartition(JsonParser json, SortedMap<Integer, OffsetRange> partitions) throws IOException {
        int partition = -1;
        long from = -1;
        long until = -1;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "partition" -> partition = json.getIntValue();
                case "from" -> from = json.getLongValue();
                case "until" -> until = json.getLongValue();
                default -> json.skipChildren();
            }
        }
        if (partition < 0 || from < 0 || until < from) {
            throw new IllegalArgumentException("bad partition entry " + partition + ":[" + from + "," + until + ")");
        }
        partitions.put(partition, new OffsetRange(from, until));
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + ", got " + actual);
        }
    }
}
