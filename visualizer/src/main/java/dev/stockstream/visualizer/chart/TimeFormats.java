package dev.stockstream.visualizer.chart;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times and ages read on the page and in the charts (always UTC). */
public final class TimeFormats {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private TimeFormats() {
    }

    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** A candle interval: {@code 30 s}, {@code 1 min}, {@code 1 h 30 min}, {@code 1 d}; parts that are zero are left out. */
    public static String interval(long millis) {
        long seconds = Math.max(0, millis / 1000);
        StringBuilder text = new StringBuilder();
        long[] sizes = {86_400, 3600, 60, 1};
        String[] units = {"d", "h", "min", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                text.append(text.isEmpty() ? "" : " ").append(seconds / sizes[i]).append(' ').append(units[i]);
                seconds %= sizes[i];
            }
        }
        return text.isEmpty() ? millis + " ms" : text.toString();
    }

    /** {@code 4 s}, {@code 3 min 12 s}, {@code 2 h 5 min}. */
    public static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " h";
    }
}
