package dev.stockstream.spark;

import dev.stockstream.model.OutputLayout;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.network.util.JavaUtils;

/**
 * The job's settings, read once at start-up from environment variables and {@code NAME=value}
 * program arguments (arguments win), with the names of {@code docs/SETTINGS.md}. A bad value
 * fails the start with one line naming the setting.
 *
 * @param outputRoot root URI of the HDFS layout ({@code hdfs://} or {@code file:}), without a trailing slash
 * @param triggerInterval micro-batch trigger interval; zero starts each batch as soon as the last one ends
 * @param startingOffsets {@code earliest}, {@code latest} or Spark's per-partition JSON; used only
 *                        when the checkpoint is new
 * @param directKafkaScan run each batch's Kafka scan by itself when Spark plans it under an identity
 *                        projection ({@link DirectKafkaScan}); false processes the batch exactly as planned
 * @param failOnDataLoss Spark's {@code failOnDataLoss}: stop when offsets the checkpoint expects are gone
 *                       from Kafka (true), or skip what is gone and go on (false)
 * @param resumeFromOutput when the checkpoint is missing and the output root has batches, rebuild the
 *                         checkpoint from the offsets the last committed batch recorded
 * @param maxEventAhead how far a tick's {@code ts} may be ahead of its Kafka record's timestamp
 * @param maxEventBehind how far a tick's {@code ts} may be behind its Kafka record's timestamp
 * @param quarantineMaxValueBytes how many bytes of one rejected value the quarantine keeps
 * @param batchRetention how long a committed batch's directories stay after its commit, before the
 *                       history compaction moves them into the history tables and removes them
 * @param candlesEnabled run the candle query beside the batch query ({@link CandleQuery})
 * @param candleInterval the length of a candle's event-time window
 * @param candleLateness how far behind the newest event time a tick may arrive and still count in its
 *                       window: the watermark's delay
 * @param candleTriggerInterval the candle query's own micro-batch interval: a candle is written one candle
 *                              batch after the batch that moved the watermark past its window, so this, not
 *                              the batch query's interval, sets how soon a closed candle shows
 * @param candlePartitions the candle query's shuffle and state-store partitions; fixed by its checkpoint
 *                         when it first starts
 * @param kafkaClientConfig a Kafka client properties file (SASL, TLS...) every Kafka client of the job
 *                          uses, read on the driver; empty: none (PLAINTEXT)
 */
public record JobSettings(String bootstrapServers, String topic, URI outputRoot, Duration triggerInterval,
                          String startingOffsets, long maxOffsetsPerTrigger, boolean directKafkaScan,
                          boolean failOnDataLoss, boolean resumeFromOutput, Duration maxEventAhead,
                          Duration maxEventBehind, int quarantineMaxValueBytes, Duration batchRetention,
                          boolean candlesEnabled, Duration candleInterval, Duration candleLateness,
                          Duration candleTriggerInterval, int candlePartitions, String kafkaClientConfig)
        implements java.io.Serializable {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String STOCK_TOPIC = "STOCK_TOPIC";
    public static final String STOCK_OUTPUT_ROOT = "STOCK_OUTPUT_ROOT";
    public static final String STOCK_TRIGGER_INTERVAL = "STOCK_TRIGGER_INTERVAL";
    public static final String STOCK_STARTING_OFFSETS = "STOCK_STARTING_OFFSETS";
    public static final String STOCK_MAX_OFFSETS_PER_TRIGGER = "STOCK_MAX_OFFSETS_PER_TRIGGER";
    public static final String STOCK_DIRECT_KAFKA_SCAN = "STOCK_DIRECT_KAFKA_SCAN";
    public static final String STOCK_FAIL_ON_DATA_LOSS = "STOCK_FAIL_ON_DATA_LOSS";
    public static final String STOCK_RESUME_FROM_OUTPUT = "STOCK_RESUME_FROM_OUTPUT";
    public static final String STOCK_MAX_EVENT_AHEAD = "STOCK_MAX_EVENT_AHEAD";
    public static final String STOCK_MAX_EVENT_BEHIND = "STOCK_MAX_EVENT_BEHIND";
    public static final String STOCK_QUARANTINE_MAX_VALUE_BYTES = "STOCK_QUARANTINE_MAX_VALUE_BYTES";
    public static final String STOCK_BATCH_RETENTION = "STOCK_BATCH_RETENTION";
    public static final String STOCK_CANDLES_ENABLED = "STOCK_CANDLES_ENABLED";
    public static final String STOCK_CANDLE_INTERVAL = "STOCK_CANDLE_INTERVAL";
    public static final String STOCK_CANDLE_LATENESS = "STOCK_CANDLE_LATENESS";
    public static final String STOCK_CANDLE_TRIGGER_INTERVAL = "STOCK_CANDLE_TRIGGER_INTERVAL";
    public static final String STOCK_CANDLE_PARTITIONS = "STOCK_CANDLE_PARTITIONS";
    public static final String STOCK_KAFKA_CLIENT_CONFIG = "STOCK_KAFKA_CLIENT_CONFIG";

    /** The most {@link #STOCK_CANDLE_PARTITIONS}: each is a state store every candle batch opens. */
    public static final int MAX_CANDLE_PARTITIONS = 512;

    /** The largest {@link #STOCK_QUARANTINE_MAX_VALUE_BYTES}: Kafka's default largest record is 1 MiB. */
    public static final int MAX_QUARANTINE_VALUE_BYTES = 16 * 1024 * 1024;

    /** Every setting the job reads, in documentation order: nothing else is read from the environment. */
    public static final List<String> NAMES = List.of(KAFKA_BOOTSTRAP_SERVERS, STOCK_TOPIC, STOCK_OUTPUT_ROOT,
            STOCK_TRIGGER_INTERVAL, STOCK_STARTING_OFFSETS, STOCK_MAX_OFFSETS_PER_TRIGGER, STOCK_DIRECT_KAFKA_SCAN,
            STOCK_FAIL_ON_DATA_LOSS, STOCK_RESUME_FROM_OUTPUT, STOCK_MAX_EVENT_AHEAD, STOCK_MAX_EVENT_BEHIND,
            STOCK_QUARANTINE_MAX_VALUE_BYTES, STOCK_BATCH_RETENTION, STOCK_CANDLES_ENABLED, STOCK_CANDLE_INTERVAL,
            STOCK_CANDLE_LATENESS, STOCK_CANDLE_TRIGGER_INTERVAL, STOCK_CANDLE_PARTITIONS, STOCK_KAFKA_CLIENT_CONFIG);

    /** The defaults of {@code docs/SETTINGS.md}. */
    public static final Map<String, String> DEFAULTS = defaults();

    public static final String USAGE = usage("dev.stockstream.spark.StockStreamingJob");

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[^\\s:,\\[\\]]+):(\\d{1,5})");

    public JobSettings {
        require(bootstrapServers != null && isBootstrapList(bootstrapServers), KAFKA_BOOTSTRAP_SERVERS,
                "must be a comma-separated list of host:port", bootstrapServers);
        require(topic != null && TOPIC.matcher(topic).matches(), STOCK_TOPIC,
                "must be a Kafka topic name ([a-zA-Z0-9._-], at most 249 characters)", topic);
        require(outputRoot != null && outputRoot.isAbsolute() && outputRoot.getPath() != null
                        && outputRoot.getPath().startsWith("/"), STOCK_OUTPUT_ROOT,
                "must be an absolute URI such as hdfs://namenode:8020/stockstream or file:/data/stockstream",
                outputRoot);
        require(triggerInterval != null && !triggerInterval.isNegative(), STOCK_TRIGGER_INTERVAL,
                "must be zero or more, such as 5s or 500ms", triggerInterval);
        require(startingOffsets != null && isStartingOffsets(startingOffsets), STOCK_STARTING_OFFSETS,
                "must be earliest, latest or a JSON object of offsets per partition", startingOffsets);
        require(maxOffsetsPerTrigger > 0, STOCK_MAX_OFFSETS_PER_TRIGGER, "must be a positive number of records",
                maxOffsetsPerTrigger);
        require(maxEventAhead != null && !maxEventAhead.isNegative() && !maxEventAhead.isZero(), STOCK_MAX_EVENT_AHEAD,
                "must be more than zero, such as 1m", maxEventAhead);
        require(maxEventBehind != null && !maxEventBehind.isNegative() && !maxEventBehind.isZero(), STOCK_MAX_EVENT_BEHIND,
                "must be more than zero, such as 1h", maxEventBehind);
        require(quarantineMaxValueBytes >= 1 && quarantineMaxValueBytes <= MAX_QUARANTINE_VALUE_BYTES,
                STOCK_QUARANTINE_MAX_VALUE_BYTES, "must be a number of bytes from 1 to " + MAX_QUARANTINE_VALUE_BYTES,
                quarantineMaxValueBytes);
        require(batchRetention != null && batchRetention.compareTo(minimumRetention(triggerInterval)) >= 0,
                STOCK_BATCH_RETENTION, "must be at least " + notation(minimumRetention(triggerInterval))
                        + " (1m, and " + OutputLayout.NEWEST_BATCHES_KEPT + " times " + STOCK_TRIGGER_INTERVAL
                        + ": the batches the dashboard can show)", batchRetention);
        require(candleInterval != null && candleInterval.toMillis() >= 1000 && candleInterval.toMillis() % 1000 == 0
                        && Duration.ofDays(1).toMillis() % candleInterval.toMillis() == 0, STOCK_CANDLE_INTERVAL,
                "must be whole seconds that divide a day, such as 1m, 5m or 1h", candleInterval);
        require(candleLateness != null && !candleLateness.isNegative(), STOCK_CANDLE_LATENESS,
                "must be zero or more, such as 30s", candleLateness);
        require(candleTriggerInterval != null && !candleTriggerInterval.isNegative(), STOCK_CANDLE_TRIGGER_INTERVAL,
                "must be zero or more, such as 1s or 500ms", candleTriggerInterval);
        require(candlePartitions >= 1 && candlePartitions <= MAX_CANDLE_PARTITIONS, STOCK_CANDLE_PARTITIONS,
                "must be a number from 1 to " + MAX_CANDLE_PARTITIONS, candlePartitions);
        kafkaClientConfig = kafkaClientConfig == null ? "" : kafkaClientConfig.strip();
        outputRoot = withoutTrailingSlash(outputRoot);
    }

    /** The shortest retention that keeps every batch the dashboard can ask for. */
    static Duration minimumRetention(Duration triggerInterval) {
        Duration window = triggerInterval == null ? Duration.ZERO : triggerInterval.multipliedBy(OutputLayout.NEWEST_BATCHES_KEPT);
        return window.compareTo(Duration.ofMinutes(1)) > 0 ? window : Duration.ofMinutes(1);
    }

    /** How to start {@code mainClass} of the jar with these settings. */
    public static String usage(String mainClass) {
        return "usage: spark-submit --class " + mainClass + " stock-spark-app.jar [NAME=value ...]   NAME: "
                + String.join(", ", NAMES) + " (each also read from the environment; arguments win)";
    }

    /** Reads the settings: defaults, then the environment, then {@code NAME=value} arguments. */
    public static JobSettings fromEnvironmentAndArgs(Map<String, String> environment, String... args) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        for (String name : NAMES) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.trim());
            }
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (equals <= 0 || !NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': expected NAME=value with NAME one of "
                        + String.join(", ", NAMES));
            }
            values.put(name, arg.substring(equals + 1).trim());
        }
        return fromValues(values);
    }

    /** Builds the settings from a complete map of names to values. */
    public static JobSettings fromValues(Map<String, String> values) {
        return new JobSettings(
                values.get(KAFKA_BOOTSTRAP_SERVERS),
                values.get(STOCK_TOPIC),
                parseUri(values.get(STOCK_OUTPUT_ROOT)),
                parseInterval(STOCK_TRIGGER_INTERVAL, values.get(STOCK_TRIGGER_INTERVAL)),
                values.get(STOCK_STARTING_OFFSETS),
                parseLong(STOCK_MAX_OFFSETS_PER_TRIGGER, values.get(STOCK_MAX_OFFSETS_PER_TRIGGER),
                        "must be a positive number of records"),
                parseBoolean(STOCK_DIRECT_KAFKA_SCAN, values.get(STOCK_DIRECT_KAFKA_SCAN)),
                parseBoolean(STOCK_FAIL_ON_DATA_LOSS, values.get(STOCK_FAIL_ON_DATA_LOSS)),
                parseBoolean(STOCK_RESUME_FROM_OUTPUT, values.get(STOCK_RESUME_FROM_OUTPUT)),
                parsePositiveInterval(STOCK_MAX_EVENT_AHEAD, values.get(STOCK_MAX_EVENT_AHEAD), "such as 1m"),
                parsePositiveInterval(STOCK_MAX_EVENT_BEHIND, values.get(STOCK_MAX_EVENT_BEHIND), "such as 1h"),
                (int) parseLong(STOCK_QUARANTINE_MAX_VALUE_BYTES, values.get(STOCK_QUARANTINE_MAX_VALUE_BYTES),
                        "must be a number of bytes from 1 to " + MAX_QUARANTINE_VALUE_BYTES, 1, MAX_QUARANTINE_VALUE_BYTES),
                parseInterval(STOCK_BATCH_RETENTION, values.get(STOCK_BATCH_RETENTION)),
                parseBoolean(STOCK_CANDLES_ENABLED, values.get(STOCK_CANDLES_ENABLED)),
                parseInterval(STOCK_CANDLE_INTERVAL, values.get(STOCK_CANDLE_INTERVAL)),
                parseInterval(STOCK_CANDLE_LATENESS, values.get(STOCK_CANDLE_LATENESS)),
                parseInterval(STOCK_CANDLE_TRIGGER_INTERVAL, values.get(STOCK_CANDLE_TRIGGER_INTERVAL)),
                (int) parseLong(STOCK_CANDLE_PARTITIONS, values.get(STOCK_CANDLE_PARTITIONS),
                        "must be a number from 1 to " + MAX_CANDLE_PARTITIONS, 1, MAX_CANDLE_PARTITIONS),
                values.get(STOCK_KAFKA_CLIENT_CONFIG));
    }

    /** The same settings with some replaced, by name and in the notation of {@code docs/SETTINGS.md}. */
    public JobSettings with(Map<String, String> changes) {
        Map<String, String> values = new HashMap<>(values());
        values.putAll(changes);
        return fromValues(values);
    }

    public JobSettings withOutputRoot(URI root) {
        return with(Map.of(STOCK_OUTPUT_ROOT, root.toString()));
    }

    public JobSettings withTriggerInterval(Duration interval) {
        return with(Map.of(STOCK_TRIGGER_INTERVAL, interval.toMillis() + "ms"));
    }

    public JobSettings withDirectKafkaScan(boolean direct) {
        return with(Map.of(STOCK_DIRECT_KAFKA_SCAN, Boolean.toString(direct)));
    }

    /** The settings by name, in the notation they are read in. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        values.put(STOCK_TOPIC, topic);
        values.put(STOCK_OUTPUT_ROOT, outputRoot.toString());
        values.put(STOCK_TRIGGER_INTERVAL, triggerInterval.toMillis() + "ms");
        values.put(STOCK_STARTING_OFFSETS, startingOffsets);
        values.put(STOCK_MAX_OFFSETS_PER_TRIGGER, Long.toString(maxOffsetsPerTrigger));
        values.put(STOCK_DIRECT_KAFKA_SCAN, Boolean.toString(directKafkaScan));
        values.put(STOCK_FAIL_ON_DATA_LOSS, Boolean.toString(failOnDataLoss));
        values.put(STOCK_RESUME_FROM_OUTPUT, Boolean.toString(resumeFromOutput));
        values.put(STOCK_MAX_EVENT_AHEAD, maxEventAhead.toMillis() + "ms");
        values.put(STOCK_MAX_EVENT_BEHIND, maxEventBehind.toMillis() + "ms");
        values.put(STOCK_QUARANTINE_MAX_VALUE_BYTES, Integer.toString(quarantineMaxValueBytes));
        values.put(STOCK_BATCH_RETENTION, batchRetention.toMillis() + "ms");
        values.put(STOCK_CANDLES_ENABLED, Boolean.toString(candlesEnabled));
        values.put(STOCK_CANDLE_INTERVAL, candleInterval.toMillis() + "ms");
        values.put(STOCK_CANDLE_LATENESS, candleLateness.toMillis() + "ms");
        values.put(STOCK_CANDLE_TRIGGER_INTERVAL, candleTriggerInterval.toMillis() + "ms");
        values.put(STOCK_CANDLE_PARTITIONS, Integer.toString(candlePartitions));
        values.put(STOCK_KAFKA_CLIENT_CONFIG, kafkaClientConfig);
        return values;
    }

    /**
     * The settings that no environment variable or argument set, so their defaults apply; read by the
     * job's start-up log line, which warns when a default names localhost on Kubernetes.
     */
    public static List<String> defaulted(Map<String, String> environment, String... args) {
        List<String> defaulted = new ArrayList<>(NAMES);
        defaulted.removeIf(name -> environment.get(name) != null && !environment.get(name).isBlank());
        for (String arg : args) {
            defaulted.remove(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
        }
        return defaulted;
    }

    /** A path of the contract's layout ({@code OutputLayout}) under the output root. */
    public String resolve(String relativePath) {
        return outputRoot + "/" + relativePath;
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(KAFKA_BOOTSTRAP_SERVERS, "localhost:9092");
        defaults.put(STOCK_TOPIC, "stockTopic");
        defaults.put(STOCK_OUTPUT_ROOT, "hdfs://localhost:8020/stockstream");
        defaults.put(STOCK_TRIGGER_INTERVAL, "5s");
        defaults.put(STOCK_STARTING_OFFSETS, "earliest");
        defaults.put(STOCK_MAX_OFFSETS_PER_TRIGGER, "1000000");
        defaults.put(STOCK_DIRECT_KAFKA_SCAN, "true");
        defaults.put(STOCK_FAIL_ON_DATA_LOSS, "true");
        defaults.put(STOCK_RESUME_FROM_OUTPUT, "false");
        defaults.put(STOCK_MAX_EVENT_AHEAD, "1m");
        defaults.put(STOCK_MAX_EVENT_BEHIND, "1h");
        defaults.put(STOCK_QUARANTINE_MAX_VALUE_BYTES, "65536");
        defaults.put(STOCK_BATCH_RETENTION, "24h");
        defaults.put(STOCK_CANDLES_ENABLED, "true");
        defaults.put(STOCK_CANDLE_INTERVAL, "1m");
        defaults.put(STOCK_CANDLE_LATENESS, "30s");
        defaults.put(STOCK_CANDLE_TRIGGER_INTERVAL, "1s");
        defaults.put(STOCK_CANDLE_PARTITIONS, "1");
        defaults.put(STOCK_KAFKA_CLIENT_CONFIG, "");
        return Map.copyOf(defaults);
    }

    private static URI parseUri(String value) {
        try {
            return value == null ? null : new URI(value);
        } catch (URISyntaxException e) {
            throw bad(STOCK_OUTPUT_ROOT, "is not a URI (" + e.getReason() + ")", value);
        }
    }

    /**
     * An interval in Spark's own notation ({@link JavaUtils#timeStringAsMs}, as Spark's conf reads
     * durations): {@code 500ms}, {@code 5s}, {@code 1m} or {@code 1min}, {@code 1h}, {@code 1d};
     * a number without a unit is milliseconds.
     */
    public static Duration parseInterval(String name, String value) {
        try {
            return Duration.ofMillis(JavaUtils.timeStringAsMs(value));
        } catch (RuntimeException e) {
            throw bad(name, "must be a number with a unit (ms, s, m, h), such as 5s", value);
        }
    }

    private static Duration parsePositiveInterval(String name, String value, String example) {
        Duration interval = parseInterval(name, value);
        if (interval.isNegative() || interval.isZero()) {
            throw bad(name, "must be more than zero, " + example, value);
        }
        return interval;
    }

    private static boolean parseBoolean(String name, String value) {
        String trimmed = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.equals("true") && !trimmed.equals("false")) {
            throw bad(name, "must be true or false", value);
        }
        return trimmed.equals("true");
    }

    private static long parseLong(String name, String value, String rule) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw bad(name, rule, value);
        }
    }

    private static long parseLong(String name, String value, String rule, long min, long max) {
        long parsed = parseLong(name, value, rule);
        if (parsed < min || parsed > max) {
            throw bad(name, rule, value);
        }
        return parsed;
    }

    private static boolean isBootstrapList(String value) {
        String[] servers = value.split(",", -1);
        for (String server : servers) {
            Matcher matcher = HOST_PORT.matcher(server.trim());
            if (!matcher.matches()) {
                return false;
            }
            int port = Integer.parseInt(matcher.group(2));
            if (port < 1 || port > 65535) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStartingOffsets(String value) {
        String trimmed = value.trim();
        return trimmed.equals("earliest") || trimmed.equals("latest")
                || (trimmed.startsWith("{") && trimmed.endsWith("}"));
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") && uri.getPath().length() > 1 ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    /** A duration in the notation it is set in: {@code 24h}, {@code 90s}, {@code 1500ms}. */
    private static String notation(Duration duration) {
        long millis = duration.toMillis();
        for (Map.Entry<String, Long> unit : List.of(Map.entry("d", 86_400_000L), Map.entry("h", 3_600_000L),
                Map.entry("m", 60_000L), Map.entry("s", 1_000L))) {
            if (millis != 0 && millis % unit.getValue() == 0) {
                return millis / unit.getValue() + unit.getKey();
            }
        }
        return millis + "ms";
    }

    private static void require(boolean ok, String name, String rule, Object value) {
        if (!ok) {
            throw bad(name, rule, value);
        }
    }

    private static IllegalArgumentException bad(String name, String rule, Object value) {
        String shown = value == null ? "nothing" : "'" + (value instanceof Duration duration ? notation(duration) : value) + "'";
        return new IllegalArgumentException(name + " " + rule + ", got " + shown);
    }
}
