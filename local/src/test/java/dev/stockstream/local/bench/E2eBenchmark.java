package dev.stockstream.local.bench;

import dev.stockstream.embedded.Directories;
import dev.stockstream.embedded.FreePorts;
import dev.stockstream.local.LocalConfig;
import dev.stockstream.local.Pipeline;
import dev.stockstream.spark.JobSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local pipeline under a sustained synthetic load, watched through the visualizer's API.
 * <p>Freshness: each batch's ticks have event times spread over the interval since the previous
 * batch's {@code batch_time} (its latest event time); a tick's freshness is the moment its batch
 * became visible in the API minus its event time. Samples are drawn uniformly in that interval,
 * weighted by the batch's tick count.
 * <p>Candle freshness (with candles on): a candle's window closes when the watermark passes its
 * end plus {@code STOCK_CANDLE_LATENESS}; its freshness is the moment it became visible in the API
 * minus that moment; only windows that close after the warm-up count (the query's start-up catch-up
 * writes the first ones together), and the warm-up lasts until the candle query is in its steady
 * state (see {@link #warmUpCandles}).
 * <p>Max sustained rate: the rate steps up; a step is sustained when the producer reaches it, the
 * backlog (ticks acknowledged by Kafka minus ticks in committed batches) grows by less than one
 * trigger interval of ticks over a minute, and, with candles on, the candle watermark falls behind
 * the clock by less than two trigger intervals more over that minute.
 * <p>{@code --rate-only} skips the freshness (the baseline run of bench/e2e.sh, candles off).
 */
public final class E2eBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern BATCH = Pattern.compile("\\{\"batchId\":(\\d+),\"committedAt\":\"[^\"]*\",\"batchTime\":(\\d+),\"symbols\":\\d+,\"ticks\":(\\d+)");
    private static final int SYMBOLS = 64;
    /** The symbol whose candles are watched: the synthetic source's first. */
    private static final String CANDLE_SYMBOL = "SYN1";
    private static final Pattern WINDOW_END = Pattern.compile("\"windowEnd\":\"?([^,\"}]+)");
    private static final Pattern WATERMARK = Pattern.compile("\"watermark\":\"?([^,\"}]+)");
    private static final Pattern CANDLE_BATCH_ID = Pattern.compile("\"candleBatchId\":(\\d+)");

    private final java.util.Set<Long> candleWindowsSeen = new java.util.HashSet<>();
    /** Candles whose window closes before this (the warm-up's, written when the query caught up at start) are not sampled. */
    private long candlesMeasuredFrom = Long.MAX_VALUE;
    private final List<Double> candleFreshness = new ArrayList<>();
    private final boolean candles;
    private final long candleLatenessMs;
    private final long candleTriggerMs;

    private final Map<Long, Long> ticksByBatch = new HashMap<>();
    private final List<double[]> freshnessBatches = new ArrayList<>();
    private long lastBatchTime = -1;
    private String dashboard;

    private E2eBenchmark(JobSettings settings) {
        this.candles = settings.candlesEnabled();
        this.candleLatenessMs = settings.candleLateness().toMillis();
        this.candleTriggerMs = settings.candleTriggerInterval().toMillis();
    }

    public static void main(String[] args) throws Exception {
        boolean rateOnly = List.of(args).contains("--rate-only");
        List<String> positional = new ArrayList<>(List.of(args));
        positional.remove("--rate-only");
        double freshnessRate = positional.size() > 0 ? Double.parseDouble(positional.get(0)) : 50_000;
        String trigger = positional.size() > 1 ? positional.get(1) : "2s";
        long[] steps = {100_000, 200_000, 300_000, 400_000, 500_000, 600_000, 800_000};
        new E2eBenchmark(JobSettings.fromEnvironmentAndArgs(System.getenv())).run(freshnessRate, trigger, steps, rateOnly);
    }

    private void run(double freshnessRate, String trigger, long[] steps, boolean rateOnly) throws Exception {
        Path dataDir = Files.createTempDirectory("e2e-bench-");
        LocalConfig config = new LocalConfig(dataDir, Path.of("."), true, "stockTopic", "synthetic", freshnessRate, SYMBOLS,
                trigger, 5, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick());
        System.setProperty("stock.log.dir", config.logDir().toString());
        dashboard = config.dashboardUrl();
        String producer = config.producerUrl() + "/producer";
        long triggerMillis = JobSettings.parseInterval(JobSettings.STOCK_TRIGGER_INTERVAL, trigger).toMillis();
        try (Pipeline pipeline = Pipeline.start(config, System.err)) {
            watch(20_000);
            warmUpCandles(triggerMillis);
            if (!rateOnly) {
                freshnessBatches.clear();
                candleFreshness.clear();
                candlesMeasuredFrom = System.currentTimeMillis();
                watch(60_000);
                double[] freshness = freshnessSamples();
                System.out.printf(Locale.ROOT, "e2e freshness_p50_ms=%.0f freshness_p95_ms=%.0f rate=%.0f trigger=%s%n",
                        percentile(freshness, 50), percentile(freshness, 95), freshnessRate, trigger);
                if (candles) {
                    double[] candleSamples = candleFreshness.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    System.err.printf(Locale.ROOT, "candle windows seen=%d samples_ms=%s%n", candleSamples.length,
                            java.util.Arrays.toString(candleSamples));
                    System.out.printf(Locale.ROOT, "e2e candles_freshness_p95_ms=%.0f%n", percentile(candleSamples, 95));
                }
            }

            long sustained = 0;
            for (long rate : steps) {
                put(producer + "/rate", "{\"rate\": " + rate + "}", config.producerApiPassword());
                watch(15_000);
                long backlogBefore = backlog(producer);
                long candleLagBefore = candleLag();
                long sentBefore = number(get(producer + "/status"), "sent");
                long started = System.currentTimeMillis();
                watch(60_000);
                double seconds = (System.currentTimeMillis() - started) / 1000.0;
                double achieved = (number(get(producer + "/status"), "sent") - sentBefore) / seconds;
                long growth = backlog(producer) - backlogBefore;
                long candleLagGrowth = candleLag() - candleLagBefore;
                boolean flat = growth < rate * triggerMillis / 1000 && candleLagGrowth < 2 * Math.max(triggerMillis, 1000);
                System.err.printf(Locale.ROOT, "step rate=%d achieved=%.0f backlog_growth=%d candle_lag_growth_ms=%d flat=%s%n",
                        rate, achieved, growth, candleLagGrowth, flat);
                if (achieved < 0.95 * rate || !flat) {
                    break;
                }
                sustained = rate;
            }
            System.out.printf(Locale.ROOT, "e2e max_sustained_rate=%d%n", sustained);
        } finally {
            Directories.deleteRecursively(dataDir);
        }
    }

    /** Polls the latest batches for a while, noting when each new one becomes visible. */
    private void watch(long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            String json = get(dashboard + "api/batches?last=5");
            long seenAt = System.currentTimeMillis();
            List<long[]> fresh = new ArrayList<>();
            Matcher m = BATCH.matcher(json);
            while (m.find()) {
                long id = Long.parseLong(m.group(1));
                if (!ticksByBatch.containsKey(id)) {
                    ticksByBatch.put(id, Long.parseLong(m.group(3)));
                    fresh.add(new long[] {id, Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
                }
            }
            if (candles) {
                watchCandles();
            }
            fresh.sort((a, b) -> Long.compare(a[0], b[0]));
            for (long[] batch : fresh) {
                if (lastBatchTime > 0 && batch[2] > 0) {
                    freshnessBatches.add(new double[] {seenAt, lastBatchTime, batch[1], batch[2]});
                }
                lastBatchTime = Math.max(lastBatchTime, batch[1]);
            }
            Thread.sleep(50);
        }
    }

    /** Notes each candle window of {@link #CANDLE_SYMBOL} when it first shows in the API. */
    private void watchCandles() throws Exception {
        String json = get(dashboard + "api/candles?symbol=" + CANDLE_SYMBOL + "&last=5");
        long seenAt = System.currentTimeMillis();
        Matcher m = WINDOW_END.matcher(json);
        while (m.find()) {
            long windowEnd = epochMillis(m.group(1));
            if (candleWindowsSeen.add(windowEnd) && windowEnd + candleLatenessMs >= candlesMeasuredFrom) {
                candleFreshness.add((double) (seenAt - (windowEnd + candleLatenessMs)));
            }
        }
    }

    /**
     * Waits (at most three minutes) until the candle query is in its steady state: its watermark within
     * the lateness plus three trigger intervals of the clock, and over the last ten seconds a candle batch
     * for (nearly) every candle trigger interval, which the query does not keep while its start-up
     * catch-up and the JIT compiler's first minute make its batches longer than its trigger.
     */
    private void warmUpCandles(long triggerMillis) throws Exception {
        long started = System.currentTimeMillis();
        long caughtUp = candleLatenessMs + 3 * Math.max(triggerMillis, 1000);
        long steadyWindowMs = 10_000;
        long expectedBatches = candleTriggerMs > 0 ? steadyWindowMs / candleTriggerMs : 0;
        java.util.ArrayDeque<long[]> batchIds = new java.util.ArrayDeque<>();
        while (candles && System.currentTimeMillis() - started < 180_000) {
            String progress = candleProgress();
            long now = System.currentTimeMillis();
            Matcher batchId = CANDLE_BATCH_ID.matcher(progress);
            batchIds.addLast(new long[] {now, batchId.find() ? Long.parseLong(batchId.group(1)) : -1});
            while (batchIds.size() > 1 && batchIds.peekFirst()[0] < now - steadyWindowMs) {
                batchIds.removeFirst();
            }
            boolean fullWindow = now - started >= steadyWindowMs;
            long advanced = batchIds.peekLast()[1] - batchIds.peekFirst()[1];
            if (fullWindow && advanced >= 0.9 * expectedBatches && lag(progress) <= caughtUp) {
                break;
            }
            watch(1_000);
        }
        System.err.printf(Locale.ROOT, "candle warm-up: %d ms more, lag %d ms%n", System.currentTimeMillis() - started, candleLag());
    }

    /** How far the candle watermark is behind the clock, in ms (0 with candles off). */
    private long candleLag() throws Exception {
        if (!candles) {
            return 0;
        }
        return lag(candleProgress());
    }

    /** The candle API's answer for the newest window: its watermark and last candle batch id. */
    private String candleProgress() throws Exception {
        return get(dashboard + "api/candles?symbol=" + CANDLE_SYMBOL + "&last=1");
    }

    /** How far the watermark of a candle API answer is behind the clock, in ms. */
    private static long lag(String candleProgress) {
        Matcher m = WATERMARK.matcher(candleProgress);
        return m.find() ? System.currentTimeMillis() - epochMillis(m.group(1)) : Long.MAX_VALUE / 4;
    }

    /** Epoch ms or an ISO-8601 instant, as the API writes times. */
    private static long epochMillis(String value) {
        return value.chars().allMatch(Character::isDigit) ? Long.parseLong(value) : java.time.Instant.parse(value).toEpochMilli();
    }

    private double[] freshnessSamples() {
        SplittableRandom random = new SplittableRandom(1);
        List<Double> samples = new ArrayList<>();
        for (double[] batch : freshnessBatches) {
            double seenAt = batch[0];
            double from = batch[1];
            double to = batch[2];
            int count = (int) Math.min(batch[3], 1000);
            for (int i = 0; i < count; i++) {
                samples.add(seenAt - (from + random.nextDouble() * (to - from)));
            }
        }
        return samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private long backlog(String producer) throws Exception {
        long sent = number(get(producer + "/status"), "sent");
        long committed = ticksByBatch.values().stream().mapToLong(Long::longValue).sum();
        return sent - committed;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A PUT to the producer's API as its user; anything but 200 stops the benchmark. */
    private static void put(String url, String json, String password) throws Exception {
        String credential = java.util.Base64.getEncoder().encodeToString(
                ("operator:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + credential)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
