package dev.stockstream.model;

/** The field rules of a valid tick, shared by the producer (never sends a bad one) and the job. */
public final class TickRules {

    public static final int MAX_SYMBOL_LENGTH = 10;
    /**
     * Plausible event times: 2000-01-01T00:00Z inclusive to 2100-01-01T00:00Z exclusive.
     * Fixed bounds rather than "near now", so a batch replayed after a crash reaches the
     * same verdicts as its first run; they still catch seconds or microseconds sent as millis.
     */
    public static final long MIN_TS = 946_684_800_000L;
    public static final long MAX_TS_EXCLUSIVE = 4_102_444_800_000L;

    /** Above any traded share price; sums of a batch's prices and notionals stay far from overflow. */
    public static final double MAX_PRICE = 1e9;
    /** Shares of one trade; a batch's volume sum stays a long for at least 9 million ticks of it. */
    public static final long MAX_VOLUME = 1_000_000_000_000L;

    private TickRules() {
    }

    /** Returns null when all fields are valid, else the first rule broken. */
    public static Rejection check(String symbol, double price, long volume, long ts) {
        Rejection bad = checkSymbol(symbol);
        if (bad != null) {
            return bad;
        }
        if (!Double.isFinite(price) || price <= 0 || price > MAX_PRICE) {
            return new Rejection(RejectReason.BAD_PRICE, "price must be finite, > 0 and <= 1e9, got " + price);
        }
        if (volume < 0 || volume > MAX_VOLUME) {
            return new Rejection(RejectReason.BAD_VOLUME, "volume must be from 0 to 1e12, got " + volume);
        }
        if (ts < MIN_TS || ts >= MAX_TS_EXCLUSIVE) {
            return new Rejection(RejectReason.IMPLAUSIBLE_TIMESTAMP,
                    "ts must be epoch milliseconds in years 2000..2099, got " + ts);
        }
        return null;
    }

    /**
     * Judges a valid tick's event time against its Kafka record's timestamp (both epoch ms), which a replay
     * reads again unchanged: null when {@code ts} is at most {@code maxAheadMs} ahead of it and at most
     * {@code maxBehindMs} behind it.
     */
    public static Rejection checkEventTime(long ts, long recordTimestamp, long maxAheadMs, long maxBehindMs) {
        long ahead = ts - recordTimestamp;
        if (ahead > maxAheadMs) {
            return new Rejection(RejectReason.EVENT_TIME_AHEAD, "ts " + ts + " is " + ahead
                    + " ms ahead of the Kafka record's timestamp " + recordTimestamp + " (at most " + maxAheadMs + " ms allowed)");
        }
        if (-ahead > maxBehindMs) {
            return new Rejection(RejectReason.EVENT_TIME_BEHIND, "ts " + ts + " is " + -ahead
                    + " ms behind the Kafka record's timestamp " + recordTimestamp + " (at most " + maxBehindMs + " ms allowed)");
        }
        return null;
    }

    /** The symbol rule {@code ^[A-Z][A-Z0-9.-]{0,9}$}, without a regex on the hot path. */
    public static Rejection checkSymbol(String symbol) {
        if (symbol == null || symbol.isEmpty() || symbol.length() > MAX_SYMBOL_LENGTH) {
            return badSymbol(symbol);
        }
        char first = symbol.charAt(0);
        if (first < 'A' || first > 'Z') {
            return badSymbol(symbol);
        }
        for (int i = 1; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (!allowed) {
                return badSymbol(symbol);
            }
        }
        return null;
    }

    public static boolean isValidSymbol(String symbol) {
        return checkSymbol(symbol) == null;
    }

    private static Rejection badSymbol(String symbol) {
        String shown = symbol == null ? "null" : '"' + abbreviate(symbol) + '"';
        return new Rejection(RejectReason.BAD_SYMBOL,
                "symbol must match ^[A-Z][A-Z0-9.-]{0,9}$, got " + shown);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
