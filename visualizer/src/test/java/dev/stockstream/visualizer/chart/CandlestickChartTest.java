package dev.stockstream.visualizer.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.Candle;
import dev.stockstream.visualizer.SvgText;
import dev.stockstream.visualizer.TestCandles;
import dev.stockstream.visualizer.TestPrerequisites;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.data.time.TimePeriodValuesCollection;
import org.jfree.data.time.ohlc.OHLCSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CandlestickChartTest {

    private static final long TEN_AM = 1_732_406_400_000L + 10 * 3_600_000L;
    private static final long MINUTE = 60_000;

    @BeforeAll
    static void fontsInstalled() {
        TestPrerequisites.requireFonts();
    }

    /** The fill colours of the svg's rectangles, in drawing order. */
    static List<String> rectFills(String svg) {
        List<String> fills = new ArrayList<>();
        Matcher rect = Pattern.compile("<rect [^>]*style='fill:(rgb\\([0-9,]+\\))'").matcher(svg);
        while (rect.find()) {
            fills.add(rect.group(1));
        }
        return fills;
    }

    static long count(List<String> fills, String fill) {
        return fills.stream().filter(fill::equals).count();
    }

    static final String UP = "rgb(0,158,115)";
    static final String DOWN = "rgb(213,94,0)";
    static final String VOLUME = "rgb(0,114,178)";

    @Test
    void theDatasetsHoldEachCandleAtTheMiddleOfItsWindowAndItsVolumeOverTheWindow() {
        List<Candle> candles = List.of(
                TestCandles.candle("AAPL", TEN_AM, MINUTE, 180, 183, 179, 182, 12, 700, 3),
                TestCandles.candle("AAPL", TEN_AM + MINUTE, MINUTE, 182, 182.5, 177, 178, 9, 300, 3));
        OHLCSeriesCollection prices = CandlestickChart.prices("AAPL", candles);
        assertThat(prices.getItemCount(0)).isEqualTo(2);
        assertThat(prices.getXValue(0, 0)).isEqualTo(TEN_AM + MINUTE / 2.0);
        assertThat(prices.getOpenValue(0, 1)).isEqualTo(182);
        assertThat(prices.getHighValue(0, 1)).isEqualTo(182.5);
        assertThat(prices.getLowValue(0, 1)).isEqualTo(177);
        assertThat(prices.getCloseValue(0, 1)).isEqualTo(178);
        TimePeriodValuesCollection volumes = CandlestickChart.volumes("AAPL", candles);
        assertThat(volumes.getStartXValue(0, 1)).isEqualTo(TEN_AM + MINUTE);
        assertThat(volumes.getEndXValue(0, 1)).isEqualTo(TEN_AM + 2 * MINUTE);
        assertThat(volumes.getYValue(0, 0)).isEqualTo(700);
    }

    @Test
    void theSvgHasOneBodyPerCandleColouredByDirectionAndOneVolumeBarEach() {
        List<Candle> candles = new ArrayList<>(TestCandles.windows(TEN_AM, MINUTE, 4, 1, "AAPL", 180.0));
        candles.add(TestCandles.candle("AAPL", TEN_AM + 4 * MINUTE, MINUTE, 186, 186.5, 181, 181.5, 20, 5000, 1));
        String svg = ChartEncoder.svgDocument(CandlestickChart.create(Optional.of("AAPL"), candles), "candles");
        List<String> fills = rectFills(svg);
        assertThat(count(fills, UP)).as("candles that closed above their open").isEqualTo(4);
        assertThat(count(fills, DOWN)).as("candles that closed below it").isEqualTo(1);
        assertThat(count(fills, VOLUME)).as("volume bars").isEqualTo(5);
        List<String> texts = SvgText.texts(svg);
        // the vertical axis labels are drawn rotated, as outlines; their tick labels are text
        assertThat(texts).contains("AAPL: the last 5 candles of 1 min", "window (UTC)", "10:00", "10:04", "186", "4,000")
                .anySatisfy(text -> assertThat(text).contains("windows 2024-11-24 10:00:00 to 2024-11-24 10:05:00 UTC"))
                .doesNotHaveDuplicates();
    }

    @Test
    void aChartWithoutCandlesSaysSo() {
        String svg = ChartEncoder.svgDocument(CandlestickChart.create(Optional.empty(), List.of()), "candles");
        assertThat(rectFills(svg)).doesNotContain(UP, DOWN, VOLUME);
        assertThat(String.join(" ", SvgText.texts(svg))).contains("Candles", "no candles yet", "No candles yet");
    }

    @Test
    void thePngVariantIsAPngImage() {
        byte[] png = ChartEncoder.png(CandlestickChart.create(Optional.of("AAPL"), TestCandles.windows(TEN_AM, MINUTE, 3, 1, "AAPL", 1.0)));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
