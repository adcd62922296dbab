package dev.stockstream.visualizer.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.stockstream.model.Candle;
import dev.stockstream.visualizer.HdfsTestResource;
import dev.stockstream.visualizer.SvgText;
import dev.stockstream.visualizer.TestCandles;
import dev.stockstream.visualizer.TestPrerequisites;
import dev.stockstream.visualizer.chart.TimeFormats;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The candles against a real MiniDFSCluster, in the app and root {@link DashboardTest} uses (no second
 * start). Candles are committed as the job commits them: Parquet from parquet-hadoop's writer, renamed
 * into place and the pointer moved by the job's {@code CandleWriter}. Each test commits its own block of
 * candle batches, a day after the previous block's, so the tests pass alone and in any order; the
 * empty state is {@code EmptyRootTest}.
 */
@QuarkusTest
@WithTestResource(value = HdfsTestResource.class, initArgs = @ResourceArg(name = "root", value = "/dashboard"))
class CandlesTest {

    private static final long MINUTE = 60_000;

    @TestHTTPResource("/events")
    URI events;

    @BeforeAll
    static void fontsInstalled() {
        TestPrerequisites.requireFonts();
    }

    private static double metric(String series) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " ")).mapToDouble(line -> Double.parseDouble(
                        line.substring(series.length() + 1).trim())).findFirst().orElse(0);
    }

    /** The fill colours of an svg's rectangles. */
    private static List<String> fills(String svg) {
        List<String> fills = new ArrayList<>();
        Matcher rect = Pattern.compile("<rect [^>]*style='fill:(rgb\\([0-9,]+\\))'").matcher(svg);
        while (rect.find()) {
            fills.add(rect.group(1));
        }
        return fills;
    }

    @Test
    @Timeout(60)
    void theApiAnswersTheLastNCandlesOfASymbolAsWrittenWithWatermarkAndLateTicks() {
        HdfsTestResource.CandleBlock block = HdfsTestResource.newCandleBlock();
        List<Candle> first = TestCandles.windows(block.start(), MINUTE, 3, block.batch(), "AAPL", 180.0, "MSFT", 410.0);
        List<Candle> second = TestCandles.windows(block.start() + 3 * MINUTE, MINUTE, 2, block.batch() + 1,
                "AAPL", 183.0, "MSFT", 413.0);
        HdfsTestResource.commitCandles(block.batch(), first, 0, 5);
        HdfsTestResource.commitCandles(block.batch() + 1, second, 3, 8);
        JsonPath json = given().get("/api/candles?symbol=msft&last=4").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(json.getString("state")).isEqualTo("OK");
        assertThat(json.getString("symbol")).isEqualTo("MSFT");
        assertThat(json.getInt("requested")).isEqualTo(4);
        assertThat(json.getLong("intervalMs")).isEqualTo(MINUTE);
        assertThat(json.getLong("candleBatchId")).isEqualTo(block.batch() + 1);
        assertThat(json.getLong("watermark")).isEqualTo(block.start() + 5 * MINUTE);
        assertThat(json.getLong("lateTicks")).isEqualTo(3);
        assertThat(json.getLong("lateTicksTotal")).isEqualTo(8);
        assertThat(json.getList("symbols", String.class)).containsExactly("MSFT", "AAPL");
        assertThat(json.getList("candles.windowStart", Long.class)).containsExactly(block.start() + MINUTE,
                block.start() + 2 * MINUTE, block.start() + 3 * MINUTE, block.start() + 4 * MINUTE);
        Candle written = first.get(3); // MSFT, the second window
        assertThat(written.symbol()).isEqualTo("MSFT");
        assertThat(json.getLong("candles[0].windowEnd")).isEqualTo(written.windowEnd());
        assertThat(json.getDouble("candles[0].open")).isEqualTo(written.open());
        assertThat(json.getDouble("candles[0].high")).isEqualTo(written.high());
        assertThat(json.getDouble("candles[0].low")).isEqualTo(written.low());
        assertThat(json.getDouble("candles[0].close")).isEqualTo(written.close());
        assertThat(json.getLong("candles[0].ticks")).isEqualTo(written.ticks());
        assertThat(json.getLong("candles[0].volume")).isEqualTo(written.volume());
        assertThat(json.getDouble("candles[0].vwap")).isEqualTo(written.vwap());
        // without a symbol: the most traded over the windows read (MSFT has 12 ticks a window, AAPL 10)
        given().get("/api/candles?last=5").then().statusCode(200).body("symbol", equalTo("MSFT"))
                .body("candles.size()", equalTo(5));
    }

    @Test
    @Timeout(60)
    void badCountsAndSymbolsAre400AndASymbolWithoutCandlesIs404() {
        HdfsTestResource.CandleBlock block = HdfsTestResource.newCandleBlock();
        HdfsTestResource.commitCandles(block.batch(), TestCandles.windows(block.start(), MINUTE, 2, block.batch(),
                "AAPL", 180.0), 0, 0);
        for (String path : List.of("/api/candles", "/charts/candles.svg")) {
            for (String bad : List.of("0", "501", "-1", "abc", "1e3", "99999999999")) {
                given().get(path + "?last=" + bad).then().statusCode(400).body("error", containsString("last must"));
            }
            given().queryParam("symbol", "<b>").get(path).then().statusCode(400)
                    .body("error", equalTo("symbol must be a stock symbol (a letter, then up to 9 letters, digits, '.' or '-'), got '<b>'"));
            given().get(path + "?symbol=NOPE&last=2").then().statusCode(404)
                    .body("error", equalTo("unknown symbol NOPE: not in the candles of the newest 2 windows, which hold AAPL"));
            given().get(path + "?symbol=AAPL&last=500").then().statusCode(200);
        }
    }

    @Test
    @Timeout(60)
    void theCandlestickChartDrawsOneBodyAndOneVolumeBarPerCandleOfTheSymbol() {
        HdfsTestResource.CandleBlock block = HdfsTestResource.newCandleBlock();
        List<Candle> candles = new ArrayList<>(TestCandles.windows(block.start(), MINUTE, 3, block.batch(),
                "AAPL", 180.0, "IBM", 150.0));
        // one IBM candle that closed below its open
        candles.add(TestCandles.candle("IBM", block.start() + 3 * MINUTE, MINUTE, 155, 156, 149, 150, 9, 444, block.batch()));
        HdfsTestResource.commitCandles(block.batch(), candles, 0, 0);
        String svg = given().get("/charts/candles.svg?symbol=IBM&last=4").then().statusCode(200)
                .contentType("image/svg+xml").header("Cache-Control", "no-store").extract().asString();
        assertThat(svg).startsWith("<?xml").doesNotContain("<!DOCTYPE");
        List<String> fills = fills(svg);
        assertThat(fills.stream().filter("rgb(0,158,115)"::equals)).as("rising candles").hasSize(3);
        assertThat(fills.stream().filter("rgb(213,94,0)"::equals)).as("falling candles").hasSize(1);
        assertThat(fills.stream().filter("rgb(0,114,178)"::equals)).as("volume bars").hasSize(4);
        assertThat(SvgText.texts(svg)).contains("IBM: the last 4 candles of 1 min", "window (UTC)", "156.0")
                .anySatisfy(text -> assertThat(text).contains("windows " + TimeFormats.time(block.start())));
        byte[] png = given().get("/charts/candles.png?symbol=IBM").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    @Timeout(60)
    void thePageShowsTheChosenSymbolsCandlesTheWatermarkAndTheLateTicks() {
        HdfsTestResource.CandleBlock block = HdfsTestResource.newCandleBlock();
        List<Candle> candles = TestCandles.windows(block.start(), MINUTE, 60, block.batch(), "AAPL", 180.0, "ZETA", 20.0);
        HdfsTestResource.commitCandles(block.batch(), candles, 4, 21);
        String watermark = TimeFormats.time(block.start() + 60 * MINUTE) + " UTC";
        given().get("/?symbol=AAPL").then().statusCode(200)
                .body(containsString("<span id=\"candle-symbol-shown\">AAPL</span>, 1 min each"))
                .body(containsString("<dd id=\"candle-batch\">" + block.batch() + "</dd>"))
                .body(containsString(watermark))
                .body(containsString("4 in the last candle batch, 21 in all"))
                .body(containsString("id='candles-chart'"))
                .body(containsString("<option value=\"AAPL\" selected>AAPL</option>"))
                .body(containsString("data-events=\"/events?shown="))
                .body(containsString("&amp;candles=" + block.batch() + "&amp;symbol=AAPL\""));
        // the default is the most traded (ZETA: 12 ticks a window, AAPL 10); a symbol without candles says so
        given().get("/").then().statusCode(200)
                .body(containsString("<span id=\"candle-symbol-shown\">ZETA</span>"))
                .body(containsString("<option value=\"ZETA\" selected>ZETA (most traded)</option>"));
        given().get("/?symbol=GONE").then().statusCode(200)
                .body(containsString("No candles of GONE in the newest windows: showing ZETA, the most traded"));
        given().queryParam("symbol", "<b>").get("/").then().statusCode(400).body("error", containsString("symbol must"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metric("visualizer_candles_late_ticks_total")).isEqualTo(21);
        assertThat(metric("visualizer_candles_late_ticks_last_batch")).isEqualTo(4);
        assertThat(metric("visualizer_candles_watermark_seconds")).isEqualTo((block.start() + 60 * MINUTE) / 1000.0);
        assertThat(metrics).containsPattern("visualizer_candle_parts_read_total\\{outcome=\"ok\"\\} [1-9][0-9]*\\.0")
                .contains("visualizer_chart_render_seconds_count{chart=\"candles\",format=\"inline_svg\"}");
    }

    @Test
    @Timeout(60)
    void aCorruptCandlePartIsSkippedAndCountedNeverA500() throws Exception {
        HdfsTestResource.CandleBlock block = HdfsTestResource.newCandleBlock();
        double corruptBefore = metric("visualizer_candle_parts_read_total{outcome=\"corrupt\"}");
        // no writer makes it: written straight, then a good candle batch committed above it
        HdfsTestResource.writeFile(TestCandles.partPath(TestCandles.day(block.start()), block.batch()),
                "PAR1 not parquet at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HdfsTestResource.commitCandles(block.batch() + 1, TestCandles.windows(block.start() + MINUTE, MINUTE, 1,
                block.batch() + 1, "CRPT", 50.0), 0, 0);
        given().get("/api/candles?symbol=CRPT&last=500").then().statusCode(200).body("candles.size()", equalTo(1));
        given().get("/?symbol=CRPT").then().statusCode(200).body(containsString("id='candles-chart'"));
        assertThat(metric("visualizer_candle_parts_read_total{outcome=\"corrupt\"}")).isEqualTo(corruptBefore + 1);
    }

    @Test
    @Timeout(60)
    void theEventStreamSendsTheCandleSectionWithoutAnIdWhenACandleBatchCommits() throws Exception {
        HdfsTestResource.CandleBlock block = HdfsTestResource.newCandleBlock();
        HdfsTestResource.commitCandles(block.batch(), TestCandles.windows(block.start(), MINUTE, 2, block.batch(),
                "EVNT", 70.0), 0, 0);
        HttpRequest request = HttpRequest.newBuilder(URI.create(events + "?candles=" + block.batch() + "&symbol=EVNT")).build();
        try (Stream<String> stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            HdfsTestResource.commitCandles(block.batch() + 1, TestCandles.windows(block.start() + 2 * MINUTE, MINUTE, 1,
                    block.batch() + 1, "EVNT", 72.0), 0, 0);
            List<String> event = eventLines(stream, "candles", "<dd id=\"candle-batch\">" + (block.batch() + 1) + "</dd>");
            assertThat(String.join("\n", event)).contains("<span id=\"candle-symbol-shown\">EVNT</span>", "id='candles-chart'");
            assertThat(event).noneMatch(line -> line.startsWith("id:"));
        }
    }

    /** Every line of the first event named {@code name} whose data contains {@code text}. */
    private static List<String> eventLines(Stream<String> stream, String name, String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (Iterable<String>) stream::iterator) {
            if (line.isEmpty()) {
                if (lines.stream().anyMatch(l -> l.replace(" ", "").equals("event:" + name))
                        && String.join("\n", lines).contains(text)) {
                    return lines;
                }
                lines.clear();
            } else {
                lines.add(line);
            }
        }
        throw new AssertionError("the event stream ended before a " + name + " event with " + text);
    }
}
