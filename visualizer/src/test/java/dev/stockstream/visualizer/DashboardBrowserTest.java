package dev.stockstream.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium looking at the dashboard while batches and candles commit in a real MiniDFSCluster. */
@QuarkusTest
@WithTestResource(value = HdfsTestResource.class, initArgs = @ResourceArg(name = "root", value = "/browser"))
class DashboardBrowserTest {

    private static final long T0 = 1_732_406_400_000L;
    private static final long MINUTE = 60_000;
    private static final Path BROWSER_DIR = Path.of("target", "chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Batch ids of one test: each test commits above the others', in whatever order they run. */
    private static final AtomicLong NEXT_BLOCK = new AtomicLong();

    @TestHTTPResource("/")
    URL dashboard;

    private ChromeDriver browser;

    @BeforeAll
    static void chromiumInstalled() {
        TestPrerequisites.requireChromium();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        Path profile = Files.createDirectories(BROWSER_DIR.resolve("profile-" + System.nanoTime())).toAbsolutePath();
        Path home = Files.createDirectories(BROWSER_DIR.resolve("xdg")).toAbsolutePath();
        // explicit browser and driver: Selenium Manager never runs, nothing is downloaded
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(TestPrerequisites.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("XDG_CACHE_HOME", home.resolve("cache").toString(),
                        "XDG_CONFIG_HOME", home.resolve("config").toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(TestPrerequisites.CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--window-size=1400,1300");
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Timeout(120)
    void theDashboardShowsBothChartsAndUpdatesInPlaceWhenABatchCommits() throws IOException {
        long base = NEXT_BLOCK.getAndAdd(10);
        for (long id = base; id < base + 3; id++) {
            HdfsTestResource.commit(id, TestBatches.rows(id, T0 + id * 5000,
                    "AAPL", 180.0 + id, "MSFT", 410.0 - id, "IBM", 150.0 + 2 * id));
        }
        browser.get(dashboard.toString().replace("localhost", "127.0.0.1"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // the page is live once its event stream is open
        wait.until(driver -> "live".equals(text("connection")));
        wait.until(driver -> Long.toString(base + 2).equals(text("batch-id")));
        assertChartVisible("bar-chart");
        assertChartVisible("trend-chart");

        JavascriptExecutor js = browser;
        js.executeScript("window.notReloaded = 'still the same page';");
        HdfsTestResource.commit(base + 3, TestBatches.rows(base + 3, T0 + (base + 3) * 5000, "AAPL", 184.0, "MSFT", 405.0, "NVDA", 130.0));

        wait.until(driver -> Long.toString(base + 3).equals(text("batch-id")));
        assertThat(js.executeScript("return window.notReloaded;")).isEqualTo("still the same page");
        assertThat(((Number) js.executeScript("return window.dashboardUpdates;")).intValue()).isPositive();
        List<String> barTexts = svgTexts("bar-chart");
        assertThat(barTexts).contains("NVDA", "130.00", "184.00").doesNotContain("IBM");
        List<String> legend = svgTexts("trend-chart");
        // the trend may reach down into another test's batches: its last id is this test's
        assertThat(legend).contains("AAPL", "MSFT", "IBM", "NVDA")
                .anySatisfy(text -> assertThat(text).matches("batches \\d+ to " + (base + 3)));
        assertChartVisible("bar-chart");
        assertChartVisible("trend-chart");

        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Timeout(120)
    void theCandlestickChartOfTheChosenSymbolShowsAndUpdatesInPlaceWhenACandleCloses() throws IOException {
        // IBM has the most ticks a window (14, MSFT 12, AAPL 10): the page's default
        HdfsTestResource.CandleBlock block = HdfsTestResource.newCandleBlock();
        HdfsTestResource.commitCandles(block.batch(), TestCandles.windows(block.start(), MINUTE, 5, block.batch(),
                "AAPL", 180.0, "MSFT", 410.0, "IBM", 150.0), 0, 0);
        browser.get(dashboard.toString().replace("localhost", "127.0.0.1"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> "IBM".equals(text("candle-symbol-shown")));
        assertThat(candleBodies()).isEqualTo(5);

        // choosing MSFT shows it at once (without JavaScript, the Show button sends the same GET)
        new Select(browser.findElement(By.id("candle-symbol"))).selectByValue("MSFT");
        wait.until(driver -> "MSFT".equals(text("candle-symbol-shown")));
        assertThat(browser.getCurrentUrl()).contains("symbol=MSFT");
        wait.until(driver -> "live".equals(text("connection")));
        assertChartVisible("candles-chart");
        assertThat(svgTexts("candles-chart")).contains("MSFT: the last 5 candles of 1 min");

        JavascriptExecutor js = browser;
        js.executeScript("window.notReloaded = 'still the same page';");
        HdfsTestResource.commitCandles(block.batch() + 1, TestCandles.windows(block.start() + 5 * MINUTE, MINUTE, 1,
                block.batch() + 1, "AAPL", 185.0, "MSFT", 415.0, "IBM", 155.0), 2, 2);

        wait.until(driver -> Long.toString(block.batch() + 1).equals(text("candle-batch")));
        assertThat(js.executeScript("return window.notReloaded;")).isEqualTo("still the same page");
        assertThat(((Number) js.executeScript("return window.candleUpdates;")).intValue()).isPositive();
        assertThat(text("candle-symbol-shown")).isEqualTo("MSFT");
        assertThat(text("late-ticks")).isEqualTo("2 in the last candle batch, 2 in all");
        assertThat(candleBodies()).isEqualTo(6);
        assertThat(svgTexts("candles-chart")).contains("MSFT: the last 6 candles of 1 min");
        assertChartVisible("candles-chart");

        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("dashboard-candles.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Timeout(180)
    void withHdfsStoppedThePodStaysReadyAndThePageSaysSoInPlaceOverTheLastBatchRead() throws Exception {
        long base = NEXT_BLOCK.getAndAdd(10);
        HdfsTestResource.commit(base, TestBatches.rows(base, T0 + base * 5000, "AAPL", 181.0, "MSFT", 409.0));
        browser.get(dashboard.toString().replace("localhost", "127.0.0.1"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> "live".equals(text("connection")));
        wait.until(driver -> Long.toString(base).equals(text("batch-id")));
        JavascriptExecutor js = browser;
        js.executeScript("window.notReloaded = 'still the same page';");
        HdfsTestResource.hdfs().stop();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> "unreachable".equals(text("hdfs")));
            assertThat(text("state")).startsWith("HDFS unreachable: showing the last batches read");
            assertThat(text("batch-id")).isEqualTo(Long.toString(base));
            assertThat(js.executeScript("return window.notReloaded;")).isEqualTo("still the same page");
            assertChartVisible("bar-chart");
            assertThat(readiness()).isEqualTo(200);
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("dashboard-hdfs-down.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            HdfsTestResource.hdfs().start();
        }
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> "reachable".equals(text("hdfs")));
        assertThat(text("state")).isEqualTo("Live");
    }

    private int readiness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(dashboard.toURI().resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The candle bodies the browser drew: JFreeSVG's rectangles in the rising and falling colours. */
    private long candleBodies() {
        return ((Number) browser.executeScript("return Array.from(document.querySelectorAll('#candles-chart rect'))"
                + ".filter(function (r) { var s = r.getAttribute('style') || '';"
                + " return s.indexOf('fill:rgb(0,158,115)') === 0 || s.indexOf('fill:rgb(213,94,0)') === 0; }).length;")).longValue();
    }

    /* The live fragment replaces the DOM under the test at any moment, so everything is read in one script call. */

    private String text(String id) {
        return (String) browser.executeScript(
                "var e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : null;", id);
    }

    @SuppressWarnings("unchecked")
    private List<String> svgTexts(String chartId) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('#' + arguments[0]"
                + " + ' text')).map(function (t) { return t.textContent; });", chartId);
    }

    @SuppressWarnings("unchecked")
    private void assertChartVisible(String id) {
        Map<String, Object> box = (Map<String, Object>) browser.executeScript(
                "var e = document.getElementById(arguments[0]); if (!e) return null; var r = e.getBoundingClientRect();"
                        + " return {width: r.width, height: r.height, visible: getComputedStyle(e).visibility !== 'hidden'"
                        + " && r.width > 0};", id);
        assertThat(box).as(id + " present").isNotNull();
        assertThat(box.get("visible")).as(id + " visible").isEqualTo(true);
        assertThat(((Number) box.get("width")).doubleValue()).as(id + " width").isGreaterThan(300);
        assertThat(((Number) box.get("height")).doubleValue()).as(id + " height").isGreaterThan(150);
    }
}
