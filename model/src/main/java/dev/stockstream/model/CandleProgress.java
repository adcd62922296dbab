package dev.stockstream.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The candle pointer's content ({@link OutputLayout#CANDLE_POINTER}): the last candle batch committed,
 * the watermark it ran under (windows ending at or before it are closed and written), and the ticks
 * that came after their window had closed, in that batch and since the query began. One
 * {@code key=value} per line, readable with {@code hdfs dfs -cat}.
 *
 * @param watermarkMs the event-time watermark of the batch, epoch ms (0 before the first tick)
 * @param lateTicks   ticks of this batch dropped because their window was already closed
 */
public record CandleProgress(long batchId, long watermarkMs, long candles, long lateTicks, long lateTicksTotal) {

    private static final String BATCH = "batch";
    private static final String WATERMARK = "watermark_ms";
    private static final String CANDLES = "candles";
    private static final String LATE = "late_ticks";
    private static final String LATE_TOTAL = "late_ticks_total";

    public String encode() {
        return BATCH + "=" + batchId + "\n" + WATERMARK + "=" + watermarkMs + "\n" + CANDLES + "=" + candles + "\n"
                + LATE + "=" + lateTicks + "\n" + LATE_TOTAL + "=" + lateTicksTotal + "\n";
    }

    /** The progress in {@code content}, or empty when it is not one (a torn or foreign file). */
    public static Optional<CandleProgress> decode(String content) {
        if (content == null) {
            return Optional.empty();
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : content.split("\n")) {
            int equals = line.indexOf('=');
            if (line.isBlank()) {
                continue;
            }
            if (equals <= 0) {
                return Optional.empty();
            }
            try {
                values.put(line.substring(0, equals).trim(), Long.parseLong(line.substring(equals + 1).trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        for (String key : new String[] {BATCH, WATERMARK, CANDLES, LATE, LATE_TOTAL}) {
            if (!values.containsKey(key) || values.get(key) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new CandleProgress(values.get(BATCH), values.get(WATERMARK), values.get(CANDLES),
                values.get(LATE), values.get(LATE_TOTAL)));
    }
}
