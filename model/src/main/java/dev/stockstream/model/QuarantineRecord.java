package dev.stockstream.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A record the job refused, one JSON line in {@code quarantine/batch=<id>/part-00000.jsonl},
 * with what is needed to find and replay it: its Kafka coordinates and raw value.
 */
public record QuarantineRecord(long batchId, String topic, int partition, long offset,
                               RejectReason reason, String detail, String rawValue) {

    private static final JsonFactory FACTORY = new JsonFactory();

    public String toJsonLine() {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("batch_id", batchId);
            json.writeStringField("topic", topic);
            json.writeNumberField("partition", partition);
            json.writeNumberField("offset", offset);
            json.writeStringField("reason", reason.name());
            json.writeStringField("detail", detail);
            json.writeStringField("raw_value", rawValue);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Parses a line written by {@link #toJsonLine()}; throws IllegalArgumentException otherwise. */
    public static QuarantineRecord parseJsonLine(String line) {
        long batchId = -1;
        String topic = null;
        int partition = -1;
        long offset = -1;
        RejectReason reason = null;
        String detail = null;
        String rawValue = null;
        try (JsonParser json = FACTORY.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("quarantine line is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "batch_id" -> batchId = json.getLongValue();
                    case "topic" -> topic = json.getValueAsString();
                    case "partition" -> partition = json.getIntValue();
                    case "offset" -> offset = json.getLongValue();
                    case "reason" -> reason = RejectReason.valueOf(json.getText());
                    case "detail" -> detail = json.getValueAsString();
                    case "raw_value" -> rawValue = json.getValueAsString();
                    default -> json.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("bad quarantine line: " + TickRules.abbreviate(line), e);
        }
        if (reason == null) {
            throw new IllegalArgumentException("quarantine line has no reason: " + TickRules.abbreviate(line));
        }
        return new QuarantineRecord(batchId, topic, partition, offset, reason, detail, rawValue);
    }
}
