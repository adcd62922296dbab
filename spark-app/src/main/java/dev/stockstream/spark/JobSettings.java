package dev.stockstream.spark;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
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
 */
public record JobSettings(String bootstrapServers, String topic, URI outputRoot, Duration triggerInterval,
                          String startingOffsets, long maxOffsetsPerTrigger, boolean directKafkaScan) {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String STOCK_TOPIC = "STOCK_TOPIC";
    public static final String STOCK_OUTPUT_ROOT = "STOCK_OUTPUT_ROOT";
    public static final String STOCK_TRIGGER_INTERVAL = "STOCK_TRIGGER_INTERVAL";
    public static final String STOCK_STARTING_OFFSETS = "STOCK_STARTING_OFFSETS";
    public static final String STOCK_MAX_OFFSETS_PER_TRIGGER = "STOCK_MAX_OFFSETS_PER_TRIGGER";
    public static final String STOCK_DIRECT_KAFKA_SCAN = "STOCK_DIRECT_KAFKA_SCAN";

    /** Every setting the job reads, in documentation order: nothing else is read from the environment. */
    public static final List<String> NAMES = List.of(KAFKA_BOOTSTRAP_SERVERS, STOCK_TOPIC, STOCK_OUTPUT_ROOT,
            STOCK_TRIGGER_INTERVAL, STOCK_STARTING_OFFSETS, STOCK_MAX_OFFSETS_PER_TRIGGER, STOCK_DIRECT_KAFKA_SCAN);

    /** The defaults of {@code docs/SETTINGS.md}. */
    public static final Map<String, String> DEFAULTS = defaults();

    public static final String USAGE = "usage: spark-submit --class dev.stockstream.spark.StockStreamingJob"
            + " stock-spark-app.jar [NAME=value ...]   NAME: " + String.join(", ", NAMES)
            + " (each also read from the environment; arguments win)";

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
        outputRoot = withoutTrailingSlash(outputRoot);
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
                parsePositiveLong(values.get(STOCK_MAX_OFFSETS_PER_TRIGGER)),
                parseBoolean(STOCK_DIRECT_KAFKA_SCAN, values.get(STOCK_DIRECT_KAFKA_SCAN)));
    }

    public JobSettings withOutputRoot(URI root) {
        return new JobSettings(bootstrapServers, topic, root, triggerInterval, startingOffsets, maxOffsetsPerTrigger,
                directKafkaScan);
    }

    public JobSettings withTriggerInterval(Duration interval) {
        return new JobSettings(bootstrapServers, topic, outputRoot, interval, startingOffsets, maxOffsetsPerTrigger,
                directKafkaScan);
    }

    public JobSettings withDirectKafkaScan(boolean direct) {
        return new JobSettings(bootstrapServers, topic, outputRoot, triggerInterval, startingOffsets, maxOffsetsPerTrigger,
                direct);
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

    private static boolean parseBoolean(String name, String value) {
        String trimmed = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.equals("true") && !trimmed.equals("false")) {
            throw bad(name, "must be true or false", value);
        }
        return trimmed.equals("true");
    }

    private static long parsePositiveLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw bad(STOCK_MAX_OFFSETS_PER_TRIGGER, "must be a positive number of records", value);
        }
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

    private static void require(boolean ok, String name, String rule, Object value) {
        if (!ok) {
            throw bad(name, rule, value);
        }
    }

    private static IllegalArgumentException bad(String name, String rule, Object value) {
        String shown = value == null ? "nothing" : "'" + value + "'";
        return new IllegalArgumentException(name + " " + rule + ", got " + shown);
    }
}
