package dev.stockstream.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A record the job refused, one JSON line in {@code quarantine/batch=<id>/part-*.jsonl}, with what
 * is needed to find and replay it: its Kafka coordinates and its raw value, byte for byte.
 * The value is kept as text ({@code raw_value}) when its bytes are valid UTF-8, else as
 * {@code raw_base64}; at most a bounded number of bytes of it are kept ({@code raw_truncated}),
 * and {@code raw_length} is always the length of the whole value. A record without a value has
 * neither field.
 *
 * @param rawValue   the kept bytes as text, when they are valid UTF-8
 * @param rawBase64  the kept bytes in base64, when they are not
 * @param rawLength  the length in bytes of the whole value; 0 when there is none
 * @param rawTruncated whether fewer bytes than {@code rawLength} were kept
 */
public record QuarantineRecord(long batchId, String topic, int partition, long offset,
                               RejectReason reason, String detail, String rawValue, String rawBase64,
                               int rawLength, boolean rawTruncated) {

    private static final JsonFactory FACTORY = new JsonFactory();

    public QuarantineRecord {
        if (rawValue != null && rawBase64 != null) {
            throw new IllegalArgumentException("a quarantine record keeps its value as text or as base64, not both");
        }
    }

    /** A record of a value without an upper bound on what is kept (for small values and tests). */
    public static QuarantineRecord of(long batchId, String topic, int partition, long offset, Rejection rejection,
                                      byte[] value) {
        return of(batchId, topic, partition, offset, rejection, value, 0, value == null ? 0 : value.length, Integer.MAX_VALUE);
    }

    /**
     * A record of the value held in {@code buffer} at {@code start} ({@code buffer} null for a record without a
     * value), keeping at most {@code maxBytes} of it.
     */
    public static QuarantineRecord of(long batchId, String topic, int partition, long offset, Rejection rejection,
                                      byte[] buffer, int start, int length, int maxBytes) {
        if (buffer == null) {
            return new QuarantineRecord(batchId, topic, partition, offset, rejection.reason(), rejection.detail(),
                    null, null, 0, false);
        }
        int kept = Math.min(length, maxBytes);
        String text = strictUtf8(buffer, start, kept);
        String base64 = text == null ? Base64.getEncoder().encodeToString(Arrays.copyOfRange(buffer, start, start + kept)) : null;
        return new QuarantineRecord(batchId, topic, partition, offset, rejection.reason(), rejection.detail(),
                text, base64, length, kept < length);
    }

    /** The kept bytes of the value, exactly as they were on the topic; null for a record without a value. */
    public byte[] keptBytes() {
        if (rawValue != null) {
            return rawValue.getBytes(StandardCharsets.UTF_8);
        }
        return rawBase64 == null ? null : Base64.getDecoder().decode(rawBase64);
    }

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
            json.writeNumberField("raw_length", rawLength);
            json.writeBooleanField("raw_truncated", rawTruncated);
            if (rawValue != null) {
                json.writeStringField("raw_value", rawValue);
            }
            if (rawBase64 != null) {
                json.writeStringField("raw_base64", rawBase64);
            }
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
        String rawBase64 = null;
        int rawLength = 0;
        boolean rawTruncated = false;
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
                    case "raw_base64" -> rawBase64 = json.getValueAsString();
                    case "raw_length" -> rawLength = json.getIntValue();
                    case "raw_truncated" -> rawTruncated = json.getBooleanValue();
                    default -> json.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("bad quarantine line: " + TickRules.abbreviate(line), e);
        }
        if (reason == null) {
            throw new IllegalArgumentException("quarantine line has no reason: " + TickRules.abbreviate(line));
        }
        try {
            return new QuarantineRecord(batchId, topic, partition, offset, reason, detail, rawValue, rawBase64, rawLength,
                    rawTruncated);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ": " + TickRules.abbreviate(line), e);
        }
    }

    /** The bytes as text when they are valid UTF-8, else null (a lenient decode would replace bytes it cannot map). */
    private static String strictUtf8(byte[] buffer, int start, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(buffer, start, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
