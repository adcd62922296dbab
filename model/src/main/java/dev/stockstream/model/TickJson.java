package dev.stockstream.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The tick's JSON form, {@code {"symbol":"AAPL","price":187.12,"volume":300,"ts":1732406400123}}:
 * encoding for the producer, decoding with a reason for every kind of bad record for the job.
 * Unknown fields are ignored so producers can add fields without breaking older jobs.
 */
public final class TickJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private TickJson() {
    }

    /**
     * Encodes a valid tick. A valid symbol holds only {@code [A-Z0-9.-]}, so it never needs
     * escaping, and Java's double and long forms are valid JSON numbers.
     */
    public static String encode(Tick tick) {
        return new StringBuilder(80)
                .append("{\"symbol\":\"").append(tick.symbol())
                .append("\",\"price\":").append(tick.price())
                .append(",\"volume\":").append(tick.volume())
                .append(",\"ts\":").append(tick.ts())
                .append('}')
                .toString();
    }

    public static byte[] encodeBytes(Tick tick) {
        return encode(tick).getBytes(StandardCharsets.UTF_8);
    }

    public static TickResult decode(String value) {
        return value == null ? decode((byte[]) null) : decode(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a Kafka record value; never throws for bad input. */
    public static TickResult decode(byte[] value) {
        return value == null ? decode(null, 0, 0) : decode(value, 0, value.length);
    }

    /** Decodes the {@code length} bytes of a Kafka record value at {@code offset} in {@code buffer}; never throws for bad input. */
    public static TickResult decode(byte[] buffer, int offset, int length) {
        if (buffer == null || length == 0) {
            return TickResult.rejected(RejectReason.EMPTY_VALUE, "the record has no value");
        }
        TickResult canonical = CanonicalTickDecoder.decode(buffer, offset, length);
        return canonical != null ? canonical : parse(buffer, offset, length);
    }

    /** Decodes a non-empty value with the JSON parser, whatever its form. */
    static TickResult parse(byte[] buffer, int offset, int length) {
        try (JsonParser parser = FACTORY.createParser(buffer, offset, length)) {
            return readTick(parser);
        } catch (JsonProcessingException e) {
            return TickResult.rejected(RejectReason.UNPARSEABLE_JSON, oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    private static TickResult readTick(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            return TickResult.rejected(RejectReason.NOT_AN_OBJECT, "expected a JSON object, got " + describe(token));
        }
        String symbol = null;
        double price = 0;
        long volume = 0;
        long ts = 0;
        boolean hasSymbol = false;
        boolean hasPrice = false;
        boolean hasVolume = false;
        boolean hasTs = false;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            token = parser.nextToken();
            switch (field) {
                case "symbol" -> {
                    if (hasSymbol) {
                        return duplicate(field);
                    }
                    if (token != JsonToken.VALUE_STRING) {
                        return wrongType(field, "a string", token);
                    }
                    symbol = parser.getText();
                    hasSymbol = true;
                }
                case "price" -> {
                    if (hasPrice) {
                        return duplicate(field);
                    }
                    if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
                        return wrongType(field, "a number", token);
                    }
                    price = parser.getDoubleValue();
                    hasPrice = true;
                }
                case "volume" -> {
                    if (hasVolume) {
                        return duplicate(field);
                    }
                    if (token != JsonToken.VALUE_NUMBER_INT) {
                        return wrongType(field, "an integer", token);
                    }
                    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return TickResult.rejected(RejectReason.BAD_VOLUME, "volume out of range: " + parser.getText());
                    }
                    volume = parser.getLongValue();
                    hasVolume = true;
                }
                case "ts" -> {
                    if (hasTs) {
                        return duplicate(field);
                    }
                    if (token != JsonToken.VALUE_NUMBER_INT) {
                        return wrongType(field, "an integer (epoch milliseconds)", token);
                    }
                    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return TickResult.rejected(RejectReason.IMPLAUSIBLE_TIMESTAMP, "ts out of range: " + parser.getText());
                    }
                    ts = parser.getLongValue();
                    hasTs = true;
                }
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            return TickResult.rejected(RejectReason.UNPARSEABLE_JSON, "unexpected content after the JSON object");
        }
        String missing = !hasSymbol ? "symbol" : !hasPrice ? "price" : !hasVolume ? "volume" : !hasTs ? "ts" : null;
        if (missing != null) {
            return TickResult.rejected(RejectReason.MISSING_FIELD, "field \"" + missing + "\" is missing");
        }
        return validated(symbol, price, volume, ts);
    }

    /** The tick of these fields, or the first of {@link TickRules} it breaks. */
    static TickResult validated(String symbol, double price, long volume, long ts) {
        Rejection broken = TickRules.check(symbol, price, volume, ts);
        return broken != null ? new TickResult(null, broken) : TickResult.ok(new Tick(symbol, price, volume, ts));
    }

    private static TickResult duplicate(String field) {
        return TickResult.rejected(RejectReason.DUPLICATE_FIELD, "field \"" + field + "\" appears more than once");
    }

    private static TickResult wrongType(String field, String expected, JsonToken actual) {
        return TickResult.rejected(RejectReason.WRONG_TYPE,
                "field \"" + field + "\" must be " + expected + ", got " + describe(actual));
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> token.name();
        };
    }

    private static String oneLine(String message) {
        return message == null ? "malformed JSON" : message.replaceAll("\\s+", " ").trim();
    }
}
