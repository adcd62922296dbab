package dev.stockstream.visualizer.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.stockstream.model.BatchRow;
import dev.stockstream.visualizer.HdfsTestResource;
import dev.stockstream.visualizer.SvgText;
import dev.stockstream.visualizer.TestBatches;
import dev.stockstream.visualizer.TestCandles;
import dev.stockstream.visualizer.TestPrerequisites;
import dev.stockstream.visualizer.hdfs.Batch;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The app against a real MiniDFSCluster. Each test commits its own block of batch ids above every
 * earlier one, so the tests pass alone and in any order; the empty root is {@link EmptyRootTest}.
 */
@QuarkusTest
@WithTestResource(value = HdfsTestResource.class, initArgs = @ResourceArg(name = "root", value = "/dashboard"))
class DashboardTest {

    private static final long T0 = 1_732_406_400_000L;
    /** Blocks further apart than the look-back: a test's reads never reach another test's batches. */
    private static final long BLOCK = 100;
    private static final AtomicLong NEXT_BLOCK = new AtomicLong();

    /** The first id of a block of ids no test has used yet. */
    private static long newBlock() {
        return NEXT_BLOCK.getAndAdd(BLOCK);
    }

    /** base: OLDCO and AAPL; base+1 .. base+6: AAPL, MSFT, BRK.B at 180+i, 410+i, 450.5+i. */
    private static void commitSevenBatches(long base) throws Exception {
        HdfsTestResource.commit(base, TestBatches.rows(base, T0, "OLDCO", 10.0, "AAPL", 180.0));
        for (long i = 1; i <= 6; i++) {
            long id = base + i;
            HdfsTestResource.commit(id, TestBatches.rows(id, T0 + id * 5000,
                    "AAPL", 180.0 + i, "MSFT", 410.0 + i, "BRK.B", 450.5 + i));
        }
    }

    private static double metric(String series) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " ")).mapToDouble(line -> Double.parseDouble(
                        line.substring(series.length() + 1).trim())).findFirst().orElse(0);
    }

    @Inject
    DashboardViewFactory views;
    @TestHTTPResource("/events")
    URI events;

    @BeforeAll
    static void fontsInstalled() {
        TestPrerequisites.requireFonts();
    }

    @Test
    @Timeout(60)
    void theBarChartShowsEachSymbolOfTheLastBatchWithItsAveragePrice() throws Exception {
        long base = newBlock();
        commitSevenBatches(base);
        String svg = given().get("/charts/bar.svg").then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();
        assertThat(svg).startsWith("<?xml").doesNotContain("<!DOCTYPE");
        List<String> texts = SvgText.texts(svg);
        assertThat(texts).contains("AAPL", "MSFT", "BRK.B", "186.00", "416.00", "456.50")
                .doesNotContain("OLDCO")
                .anySatisfy(text -> assertThat(text).contains("batch " + (base + 6)));
        given().get("/").then().statusCode(200)
                .body(containsString("<td>BRK.B</td><td>456.50</td><td>455.50</td><td>457.50</td><td>456.75</td>"))
                .body(containsString("id='bar-chart'"))
                .body(containsString("id='trend-chart'"));
        byte[] png = given().get("/charts/bar.png").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    @Timeout(60)
    void theTrendChartDrawsTheLastNBatchesOverBatchTime() throws Exception {
        long base = newBlock();
        commitSevenBatches(base);
        given().get("/api/batches?last=3").then().statusCode(200)
                .body("batches.batchId", equalTo(ids(base + 6, base + 5, base + 4)))
                .body("batches[0].rows.symbol", equalTo(List.of("AAPL", "BRK.B", "MSFT")));
        given().get("/api/batches").then().statusCode(200)
                .body("batches.batchId", equalTo(ids(base + 6, base + 5, base + 4, base + 3, base + 2)));
        List<String> texts = SvgText.texts(given().get("/charts/trend.svg?last=3").then().statusCode(200)
                .extract().asString());
        assertThat(texts).contains("Average price over the last 3 batches", "batches " + (base + 4) + " to " + (base + 6),
                "AAPL", "MSFT", "BRK.B", "batch time (UTC)");
        List<String> defaultTrend = SvgText.texts(given().get("/charts/trend.svg").then().statusCode(200)
                .extract().asString());
        assertThat(defaultTrend).contains("batches " + (base + 2) + " to " + (base + 6)).doesNotContain("OLDCO");
        given().get("/charts/trend.png?last=100").then().statusCode(200).contentType("image/png");
    }

    @Test
    @Timeout(60)
    void theTrendIsRelativeWhenPriceLevelsDifferAbsoluteOnRequestAndOfTheSymbolsChosen() throws Exception {
        long base = newBlock();
        for (long i = 0; i < 5; i++) {
            HdfsTestResource.commit(base + i, TestBatches.rows(base + i, T0 + (base + i) * 5000,
                    "PENNY", 12.0 + i, "MSFT", 600.0 - i, "IBM", 250.0));
        }
        List<String> auto = SvgText.texts(given().get("/charts/trend.svg").then().statusCode(200).extract().asString());
        assertThat(auto).contains("Change in average price over the last 5 batches", "PENNY", "MSFT", "IBM",
                "relative view: % change since each symbol's first batch shown, as the price levels differ 50.0x (more than 3x)");
        List<String> absolute = SvgText.texts(given().get("/charts/trend.svg?view=absolute").then().statusCode(200)
                .extract().asString());
        assertThat(absolute).contains("Average price over the last 5 batches", "absolute view: average prices, as chosen");
        List<String> chosen = SvgText.texts(given().get("/charts/trend.svg?symbols=msft,IBM").then().statusCode(200)
                .extract().asString());
        assertThat(chosen).contains("MSFT", "IBM", "absolute view: average prices, as the price levels are within 3x")
                .doesNotContain("PENNY");
        given().get("/charts/trend.png?view=RELATIVE&symbols=MSFT&symbols=PENNY").then().statusCode(200).contentType("image/png");
        given().get("/charts/trend.svg?symbols=MSFT,NOPE").then().statusCode(404)
                .body("error", equalTo("unknown symbol NOPE: not in the last 5 batches, which hold IBM, MSFT, PENNY"));
        given().get("/charts/trend.svg?view=sideways").then().statusCode(400)
                .body("error", equalTo("view must be absolute or relative, got 'sideways'"));
        given().queryParam("symbols", "MSFT,<b>").get("/charts/trend.svg").then().statusCode(400)
                .body("error", containsString("symbols must be stock symbols separated by commas"));
        String many = String.join(",", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "S" + i).toList());
        given().get("/charts/trend.svg?symbols=" + many).then().statusCode(400)
                .body("error", equalTo("symbols: at most 20 per chart (VISUALIZER_CHART_SYMBOLS), got 21"));
        // the page: the choice is drawn, selected in the form, and carried by its live updates
        String page = given().get("/?view=absolute&symbols=MSFT&symbols=PENNY").then().statusCode(200).extract().asString();
        int trendStart = page.indexOf("<svg id='trend-chart'");
        assertThat(SvgText.texts(page.substring(trendStart, page.indexOf("</svg>", trendStart) + 6)))
                .contains("Average price over the last 5 batches", "MSFT", "PENNY").doesNotContain("IBM");
        assertThat(page).contains("<input type=\"radio\" name=\"view\" value=\"absolute\" checked>",
                "<option value=\"PENNY\" selected>PENNY</option>", "<option value=\"IBM\">IBM</option>",
                "&amp;view=absolute&amp;symbols=MSFT%2CPENNY");
        // a page showing batch base + 4 is sent no older view
        try (Stream<String> stream = eventStream(base + 4, "&view=relative&symbols=IBM,PENNY")) {
            String event = firstDashboardEvent(stream);
            int start = event.indexOf("<svg id='trend-chart'");
            assertThat(SvgText.texts(event.substring(start, event.indexOf("</svg>", start) + 6)))
                    .contains("Change in average price over the last 5 batches", "IBM", "PENNY").doesNotContain("MSFT");
        }
    }

    @Test
    @Timeout(60)
    void outOfRangeOrMalformedBatchCountsAreRejectedWith400AndAMessage() {
        for (String bad : List.of("0", "101", "-1", "abc", "1e3", "99999999999")) {
            given().get("/api/batches?last=" + bad).then().statusCode(400)
                    .body("error", containsString("last must"));
            given().get("/charts/trend.svg?last=" + bad).then().statusCode(400)
                    .body("error", containsString("last must"));
        }
        given().get("/api/batches?last=1").then().statusCode(200);
        given().get("/api/batches?last=100").then().statusCode(200);
    }

    @Test
    @Timeout(60)
    void aCorruptBatchFileIsSkippedAndCountedNeverA500() throws Exception {
        long base = newBlock();
        double corruptBefore = metric("visualizer_batches_read_total{outcome=\"corrupt\"}");
        // a full trend of good batches around it, so the page's look-back ends inside this block
        for (long id = base; id < base + 5; id++) {
            HdfsTestResource.commit(id, TestBatches.rows(id, T0 + id * 5000, "AAPL", 180.0));
        }
        // no writer makes a corrupt file: written straight, then a good batch committed above it
        HdfsTestResource.writeDataFile(base + 5, "this is not,the contract's csv\n\u0000\u0001garbage");
        HdfsTestResource.commit(base + 6, TestBatches.rows(base + 6, T0 + (base + 6) * 5000, "AAPL", 181.0));
        given().get("/").then().statusCode(200)
                .body(containsString("<dd id=\"batch-id\">" + (base + 6) + "</dd>"))
                .body(containsString("<dd id=\"skipped\">" + (base + 5) + "</dd>"));
        given().get("/api/batches/latest").then().statusCode(200).body("batchId", equalTo((int) (base + 6)));
        given().get("/api/batches?last=2").then().statusCode(200)
                .body("batches.batchId", equalTo(ids(base + 6, base + 4))).body("skipped", equalTo(ids(base + 5)));
        given().get("/charts/bar.svg").then().statusCode(200);
        assertThat(metric("visualizer_batches_read_total{outcome=\"corrupt\"}")).isEqualTo(corruptBefore + 1);
    }

    @Test
    @Timeout(60)
    void metricsExposeRenderTimeBatchesReadAndCacheHits() throws Exception {
        long base = newBlock();
        double readBefore = metric("visualizer_batches_read_total{outcome=\"ok\"}");
        commitSevenBatches(base);
        given().get("/api/batches?last=7").then().statusCode(200);
        given().get("/").then().statusCode(200);
        given().get("/").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("visualizer_page_render_seconds_count{view=\"dashboard\"}")
                .contains("visualizer_chart_render_seconds_count{chart=\"bar\",format=\"inline_svg\"}")
                .containsPattern("visualizer_batch_cache_hits_total [1-9][0-9]*\\.0");
        assertThat(metric("visualizer_batches_read_total{outcome=\"ok\"}")).isEqualTo(readBefore + 7);
    }

    /** Batch ids as the JSON body holds them. */
    private static List<Integer> ids(long... ids) {
        return java.util.Arrays.stream(ids).mapToObj(id -> (int) id).toList();
    }

    @Test
    @Timeout(60)
    void dataValuesAreEscapedInTheHtmlAndTheSvg() {
        // BatchRow.parseCsvLine refuses such symbols, so this can only come from a future bug: built directly.
        String hostile = "<b>X&Y\"";
        Batch batch = new Batch(99, Instant.now(),
                List.of(new BatchRow(99, T0, hostile, 1.5, 1, 2, 1.5, 1, 1)));
        HistorySnapshot history = new HistorySnapshot(HistorySnapshot.State.OK, List.of(batch), List.of(), Optional.empty(), Instant.now());
        String fragment = DashboardResource.liveFragment(views.of(history));
        assertThat(fragment).doesNotContain(hostile).contains("&lt;b&gt;X&amp;Y");
        int svgStart = fragment.indexOf("<svg");
        String barSvg = fragment.substring(svgStart, fragment.indexOf("</svg>", svgStart) + 6);
        assertThat(SvgText.texts(barSvg)).contains(hostile);
    }

    @Test
    @Timeout(120)
    void anHdfsOutageIsShownWhileThePodStaysReadyAndTheAppRecoversWhenHdfsReturns() throws Exception {
        long base = newBlock();
        HdfsTestResource.commit(base, TestBatches.rows(base, T0, "AAPL", 180.0));
        HdfsTestResource.CandleBlock candles = HdfsTestResource.newCandleBlock();
        long candleBatch = candles.batch();
        HdfsTestResource.commitCandles(candleBatch, TestCandles.windows(candles.start(), 60_000, 2, candleBatch,
                "OUTG", 10.0), 0, 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/status").then().statusCode(200)
                .body("latestBatchId", equalTo((int) base)));
        // the candles the page reads are the ones shown during the outage
        given().get("/?symbol=OUTG").then().statusCode(200).body(containsString("<dd id=\"candle-batch\">" + candleBatch + "</dd>"));
        HdfsTestResource.hdfs().stop();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/q/health/group/hdfs").then().statusCode(503).body(containsString("hdfs")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/q/metrics").then().body(containsString("visualizer_hdfs_reachable 0.0")));
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/api/status").then().statusCode(200).body("state", equalTo("UNREACHABLE"))
                    .body("problem", not(org.hamcrest.Matchers.emptyOrNullString()));
            given().get("/?symbol=OUTG").then().statusCode(200)
                    .body(containsString("HDFS unreachable"))
                    .body(containsString("<dd id=\"batch-id\">" + base + "</dd>"))
                    .body(containsString("HDFS unreachable: showing the last candles read"))
                    .body(containsString("<span id=\"candle-symbol-shown\">OUTG</span>"));
            given().get("/api/batches/latest").then().statusCode(503).body("error", containsString("cannot read"));
            given().get("/api/candles").then().statusCode(503).body("error", containsString("cannot read"));
            given().get("/charts/candles.svg?symbol=OUTG").then().statusCode(200).contentType("image/svg+xml");
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            HdfsTestResource.hdfs().start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/group/hdfs").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/metrics").then().body(containsString("visualizer_hdfs_reachable 1.0")));
        HdfsTestResource.commit(base + 1, TestBatches.rows(base + 1, T0 + 40_000, "AAPL", 190.0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/").then().statusCode(200)
                        .body(containsString("<dd id=\"batch-id\">" + (base + 1) + "</dd>"))
                        .body(not(containsString("HDFS unreachable"))));
    }

    @Test
    @Timeout(60)
    void theEventStreamNeverSendsAPageAnOlderViewThanTheOneItShows() throws Exception {
        long base = newBlock();
        HdfsTestResource.commit(base, TestBatches.rows(base, T0, "AAPL", 180.0));
        // the poller has rendered batch base once a page showing nothing is sent it at once
        await().atMost(Duration.ofSeconds(30)).until(() -> firstDashboardEvent(-1).contains("Batch " + base + ","));
        try (Stream<String> stream = eventStream(base + 1)) {
            HdfsTestResource.commit(base + 1, TestBatches.rows(base + 1, T0 + 5000, "AAPL", 181.0));
            assertThat(firstDashboardEvent(stream)).contains("Batch " + (base + 1) + ",");
        }
    }

    @Test
    @Timeout(60)
    void aReconnectingBrowsersLastEventIdIsTheViewItHasAndEachEventIsIdentifiedByItsBatch() throws Exception {
        long base = newBlock();
        HdfsTestResource.commit(base, TestBatches.rows(base, T0, "AAPL", 180.0));
        await().atMost(Duration.ofSeconds(30)).until(() -> firstDashboardEvent(-1).contains("Batch " + base + ","));
        HttpRequest reconnect = HttpRequest.newBuilder(URI.create(events + "?shown=-1"))
                .header("Last-Event-ID", Long.toString(base + 1)).build();
        try (Stream<String> stream = HttpClient.newHttpClient().send(reconnect, HttpResponse.BodyHandlers.ofLines()).body()) {
            HdfsTestResource.commit(base + 1, TestBatches.rows(base + 1, T0 + 5000, "AAPL", 181.0));
            List<String> event = dashboardEventLines(stream);
            assertThat(String.join("\n", event)).contains("Batch " + (base + 1) + ",");
            assertThat(event).anyMatch(line -> line.replace(" ", "").equals("id:" + (base + 1)));
        }
    }

    private Stream<String> eventStream(long shown) throws Exception {
        return eventStream(shown, "");
    }

    /** {@code choice}: the page's choice as further query parameters, {@code &view=relative}. */
    private Stream<String> eventStream(long shown, String choice) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(events + "?shown=" + shown + choice)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()).body();
    }

    /** Every line of the first event named dashboard (its id, retry and data fields). */
    private static List<String> dashboardEventLines(Stream<String> stream) {
        List<String> lines = new java.util.ArrayList<>();
        for (String line : (Iterable<String>) stream::iterator) {
            if (line.isEmpty()) {
                if (lines.stream().anyMatch(l -> l.replace(" ", "").equals("event:dashboard"))) {
                    return lines;
                }
                lines.clear();
            } else {
                lines.add(line);
            }
        }
        throw new AssertionError("the event stream ended before a dashboard event");
    }

    private String firstDashboardEvent(long shown) throws Exception {
        try (Stream<String> stream = eventStream(shown)) {
            return firstDashboardEvent(stream);
        }
    }

    /** The data of the first event named dashboard, its lines joined. */
    private static String firstDashboardEvent(Stream<String> stream) {
        StringBuilder data = new StringBuilder();
        boolean inEvent = false;
        for (String line : (Iterable<String>) stream::iterator) {
            if (line.equals("event:dashboard") || line.equals("event: dashboard")) {
                inEvent = true;
            } else if (inEvent && line.startsWith("data:")) {
                data.append(line.substring(5)).append('\n');
            } else if (inEvent && line.isEmpty()) {
                return data.toString();
            }
        }
        throw new AssertionError("the event stream ended before a dashboard event");
    }
}
