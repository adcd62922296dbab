package dev.stockstream.model;

import java.util.OptionalLong;

/**
 * Where the job writes and the visualizer reads, relative to the output root
 * ({@code STOCK_OUTPUT_ROOT}, an {@code hdfs://} or {@code file:} URI):
 * <pre>
 * batches/batch=00000000000000000042/part-00000.csv   one row per symbol, with a header
 * batches/batch=00000000000000000042/_INPUT.json       the Kafka offsets it was computed from
 * batches/batch=00000000000000000042/_SUCCESS
 * batches/_LATEST                                     the last committed batch id, as text
 * quarantine/batch=00000000000000000042/part-00003.jsonl   rejected records, one part per Spark task
 * quarantine/batch=00000000000000000042/_INPUT.json
 * checkpoints/                                        the streaming query's checkpoint
 * history/date=2024-11-24/part-...parquet             compacted rows of removed batches, by trading day
 * history/_COMPACTED                                  the last batch id in the history table
 * quarantine-history/date=2024-11-24/part-...parquet  compacted quarantine records, by day of commit
 * candles/day=2024-11-24/part-00000000000000000007.parquet   the candles candle batch 7 closed, by window day (UTC)
 * candles/_LATEST                                     the candle query's progress ({@link CandleProgress})
 * candle-checkpoints/                                 the candle query's checkpoint (its state store with it)
 * </pre>
 * A batch directory is written under {@link #tempBatchDir} and renamed into place whole;
 * names starting with {@code _} are never batches. Every committed batch id has a
 * directory, even when all its records were quarantined (then its CSV holds only the header).
 */
public final class OutputLayout {

    public static final String BATCHES_DIR = "batches";
    public static final String QUARANTINE_DIR = "quarantine";
    public static final String CHECKPOINTS_DIR = "checkpoints";
    public static final String LATEST_POINTER = BATCHES_DIR + "/_LATEST";
    public static final String DATA_FILE = "part-00000.csv";
    /** The first quarantine part; a batch has one part per Spark task that rejected records. */
    public static final String QUARANTINE_FILE = "part-00000.jsonl";
    public static final String QUARANTINE_PART_SUFFIX = ".jsonl";
    /** Where a batch's input came from: the query and the Kafka offset range of each partition. */
    public static final String INPUT_FILE = "_INPUT.json";
    public static final String SUCCESS_MARKER = "_SUCCESS";
    /** Names of working copies not yet renamed into place; whatever starts with it is left over or in flight. */
    public static final String TEMP_PREFIX = "_tmp-";

    public static final String HISTORY_DIR = "history";
    public static final String QUARANTINE_HISTORY_DIR = "quarantine-history";
    /** The last batch id whose rows and quarantine are in the history tables, as text. */
    public static final String COMPACTED_POINTER = HISTORY_DIR + "/_COMPACTED";
    /** The range of batch ids a compaction run is moving into the history, until it is done. */
    public static final String COMPACTION_RUN = HISTORY_DIR + "/_RUN";
    /** The newest batches are never removed, whatever their age: the visualizer shows up to this many. */
    public static final int NEWEST_BATCHES_KEPT = 100;

    public static final String CANDLES_DIR = "candles";
    public static final String CANDLE_POINTER = CANDLES_DIR + "/_LATEST";
    public static final String CANDLE_CHECKPOINTS_DIR = "candle-checkpoints";

    private static final String BATCH_PREFIX = "batch=";
    /** The prefix of a candle day directory's name, {@code day=2024-11-24}. */
    public static final String CANDLE_DAY_PREFIX = "day=";
    private static final String DAY_PREFIX = CANDLE_DAY_PREFIX;
    private static final String PARQUET_SUFFIX = ".parquet";
    private static final int ID_DIGITS = 20;

    private OutputLayout() {
    }

    /** {@code batch=00000000000000000042}: zero-padded so names sort like ids. */
    public static String batchDirName(long batchId) {
        if (batchId < 0) {
            throw new IllegalArgumentException("batch id must be >= 0, got " + batchId);
        }
        String digits = Long.toString(batchId);
        return BATCH_PREFIX + "0".repeat(ID_DIGITS - digits.length()) + digits;
    }

    public static String batchDir(long batchId) {
        return BATCHES_DIR + "/" + batchDirName(batchId);
    }

    public static String batchDataFile(long batchId) {
        return batchDir(batchId) + "/" + DATA_FILE;
    }

    /** A hidden working name, unique per attempt, so two attempts at one batch never mix files. */
    public static String tempBatchDir(long batchId, String attempt) {
        return BATCHES_DIR + "/" + TEMP_PREFIX + batchDirName(batchId) + "-" + attempt;
    }

    /** The working name of a new pointer, renamed over {@link #LATEST_POINTER}. */
    public static String tempPointer(String attempt) {
        return BATCHES_DIR + "/" + TEMP_PREFIX + "LATEST-" + attempt;
    }

    /** {@code part-00003.jsonl}: the quarantine part of Spark task {@code part}. */
    public static String quarantinePartName(int part) {
        return String.format(java.util.Locale.ROOT, "part-%05d", part) + QUARANTINE_PART_SUFFIX;
    }

    public static String quarantineDir(long batchId) {
        return QUARANTINE_DIR + "/" + batchDirName(batchId);
    }

    public static String tempQuarantineDir(long batchId, String attempt) {
        return QUARANTINE_DIR + "/" + TEMP_PREFIX + batchDirName(batchId) + "-" + attempt;
    }

    /** The batch id of a committed directory name, or empty for anything else. */
    public static OptionalLong parseBatchDirName(String name) {
        if (name == null || !name.startsWith(BATCH_PREFIX) || name.length() != BATCH_PREFIX.length() + ID_DIGITS) {
            return OptionalLong.empty();
        }
        String digits = name.substring(BATCH_PREFIX.length());
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code candles/day=2024-11-24}: the candles whose window starts on that UTC day. */
    public static String candleDayDir(java.time.LocalDate day) {
        return CANDLES_DIR + "/" + DAY_PREFIX + day;
    }

    /** The day of a {@code day=2024-11-24} directory name, or empty for anything else. */
    public static java.util.Optional<java.time.LocalDate> parseCandleDayName(String name) {
        if (name == null || !name.startsWith(DAY_PREFIX)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.LocalDate.parse(name.substring(DAY_PREFIX.length())));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code part-00000000000000000007.parquet}: the candles of one day that candle batch 7 wrote. */
    public static String candlePartName(long batchId) {
        return "part-" + batchDirName(batchId).substring(BATCH_PREFIX.length()) + PARQUET_SUFFIX;
    }

    /** The candle batch id of a part name, or empty for anything else (a working copy, a foreign file). */
    public static OptionalLong parseCandlePartName(String name) {
        if (name == null || !name.startsWith("part-") || !name.endsWith(PARQUET_SUFFIX)) {
            return OptionalLong.empty();
        }
        return parseBatchDirName(BATCH_PREFIX + name.substring("part-".length(), name.length() - PARQUET_SUFFIX.length()));
    }

    /** Where Spark writes a candle batch's Parquet before its parts are renamed into the day directories. */
    public static String tempCandleDir(long batchId, String attempt) {
        return CANDLES_DIR + "/" + TEMP_PREFIX + batchDirName(batchId) + "-" + attempt;
    }

    /** The working name of a new candle pointer, renamed over {@link #CANDLE_POINTER}. */
    public static String tempCandlePointer(String attempt) {
        return CANDLES_DIR + "/" + TEMP_PREFIX + "LATEST-" + attempt;
    }

    public static String pointerContent(long batchId) {
        return batchId + "\n";
    }

    /** Reads the latest-batch pointer's content; empty if it is not a batch id. */
    public static OptionalLong parsePointer(String content) {
        if (content == null) {
            return OptionalLong.empty();
        }
        String trimmed = content.trim();
        if (trimmed.isEmpty() || trimmed.length() > 19 || !trimmed.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(trimmed));
    }
}
