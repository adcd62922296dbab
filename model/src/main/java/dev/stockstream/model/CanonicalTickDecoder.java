package dev.stockstream.model;

import java.nio.charset.StandardCharsets;

/**
 * The fast path of {@link TickJson#decode(byte[], int, int)}: reads a value in exactly the form
 * {@link TickJson#encode} writes (fields in its order, no whitespace, a symbol without escapes, plain
 * JSON numbers), which is every record our producer sends. Anything else, valid or not, is left to
 * the JSON parser: {@code null}. Creating a JSON parser per record was the largest single item in the
 * executors' profile; this reads the same fields with the same rules and the same result, which a test compares.
 */
final class CanonicalTickDecoder {

    private static final byte[] SYMBOL = "{\"symbol\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PRICE = "\",\"price\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VOLUME = ",\"volume\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TS = ",\"ts\":".getBytes(StandardCharsets.US_ASCII);
    /** A longer number is left to the parser, so a long never overflows here. */
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_PRICE_CHARS = 32;

    private CanonicalTickDecoder() {
    }

    /** The decoded tick or its rejection by {@link TickRules}, or null when the value is not in the canonical form. */
    static TickResult decode(byte[] buffer, int offset, int length) {
        int end = offset + length;
        int at = expect(buffer, offset, end, SYMBOL);
        int symbolStart = at;
        while (at >= 0 && at < end && isSymbolChar(buffer[at])) {
            at++;
        }
        if (at <= symbolStart) {
            return null;
        }
        String symbol = new String(buffer, symbolStart, at - symbolStart, StandardCharsets.US_ASCII);
        int priceStart = expect(buffer, at, end, PRICE);
        int priceEnd = priceEnd(buffer, priceStart, end);
        if (priceEnd < 0) {
            return null;
        }
        int volumeStart = expect(buffer, priceEnd, end, VOLUME);
        int volumeEnd = integerEnd(buffer, volumeStart, end);
        int tsStart = expect(buffer, volumeEnd, end, TS);
        int tsEnd = integerEnd(buffer, tsStart, end);
        if (tsEnd < 0 || tsEnd != end - 1 || buffer[tsEnd] != '}') {
            return null;
        }
        double price = Double.parseDouble(new String(buffer, priceStart, priceEnd - priceStart, StandardCharsets.US_ASCII));
        return TickJson.validated(symbol, price, parseLong(buffer, volumeStart, volumeEnd), parseLong(buffer, tsStart, tsEnd));
    }

    /** Where {@code expected} ends when {@code buffer} holds it at {@code at}, else -1 (also for {@code at} -1). */
    private static int expect(byte[] buffer, int at, int end, byte[] expected) {
        if (at < 0 || end - at < expected.length) {
            return -1;
        }
        for (int i = 0; i < expected.length; i++) {
            if (buffer[at + i] != expected[i]) {
                return -1;
            }
        }
        return at + expected.length;
    }

    private static boolean isSymbolChar(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '.' || b == '-';
    }

    /**
     * The end of a JSON number without a sign ({@code 0|[1-9][0-9]*}, then an optional fraction and
     * exponent) at {@code at}, else -1. A negative price, always rejected, is left to the parser, whose
     * message it keeps.
     */
    private static int priceEnd(byte[] buffer, int at, int end) {
        int i = digitsEnd(buffer, at, end, true);
        if (i < 0) {
            return -1;
        }
        if (i < end && buffer[i] == '.') {
            i = digitsEnd(buffer, i + 1, end, false);
            if (i < 0) {
                return -1;
            }
        }
        if (i < end && (buffer[i] == 'e' || buffer[i] == 'E')) {
            i++;
            if (i < end && (buffer[i] == '+' || buffer[i] == '-')) {
                i++;
            }
            i = digitsEnd(buffer, i, end, false);
            if (i < 0) {
                return -1;
            }
        }
        return i - at <= MAX_PRICE_CHARS ? i : -1;
    }

    /** The end of a JSON integer at {@code at} (an optional minus, no leading zero) of at most 18 digits, else -1. */
    private static int integerEnd(byte[] buffer, int at, int end) {
        if (at < 0) {
            return -1;
        }
        int digits = at < end && buffer[at] == '-' ? at + 1 : at;
        int i = digitsEnd(buffer, digits, end, true);
        return i >= 0 && i - digits <= MAX_INTEGER_DIGITS ? i : -1;
    }

    /** The end of one or more digits at {@code at} (with {@code integerPart}, {@code 0} alone or no leading zero), else -1. */
    private static int digitsEnd(byte[] buffer, int at, int end, boolean integerPart) {
        if (at < 0 || at >= end || !isDigit(buffer[at])) {
            return -1;
        }
        int i = at + 1;
        if (integerPart && buffer[at] == '0') {
            return i < end && isDigit(buffer[i]) ? -1 : i;
        }
        while (i < end && isDigit(buffer[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static long parseLong(byte[] buffer, int start, int end) {
        boolean negative = buffer[start] == '-';
        long value = 0;
        for (int i = negative ? start + 1 : start; i < end; i++) {
            value = value * 10 + (buffer[i] - '0');
        }
        return negative ? -value : value;
    }
}
