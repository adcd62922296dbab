package dev.stockstream.visualizer.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stockstream.visualizer.SvgText;
import dev.stockstream.visualizer.TestBatches;
import dev.stockstream.visualizer.TestPrerequisites;
import dev.stockstream.visualizer.hdfs.Batch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trend's two views: prices as they are, or each symbol's change in % since its first batch shown. */
class TrendViewTest {

    private static final long T0 = 1_732_406_400_000L;

    @BeforeAll
    static void fontsInstalled() {
        TestPrerequisites.requireFonts();
    }

    private static Batch batch(long id, Object... symbolsAndPrices) {
        return new Batch(id, Instant.ofEpochMilli(T0 + id * 5000), TestBatches.rows(id, T0 + id * 5000, symbolsAndPrices));
    }

    @Test
    void withoutAChoiceTheViewIsRelativeWhenThePriceLevelsDifferMoreThanThreeTimes() {
        assertThat(TrendView.forLevels(List.of(10.0, 30.0))).isEqualTo(TrendView.ABSOLUTE);
        assertThat(TrendView.forLevels(List.of(10.0, 30.01))).isEqualTo(TrendView.RELATIVE);
        assertThat(TrendView.forLevels(List.of(180.0, 410.0, 450.5))).isEqualTo(TrendView.ABSOLUTE);
        assertThat(TrendView.forLevels(List.of(12.0, 600.0, 50.0))).isEqualTo(TrendView.RELATIVE);
        assertThat(TrendView.forLevels(List.of(600.0))).as("one symbol").isEqualTo(TrendView.ABSOLUTE);
        assertThat(TrendView.forLevels(List.of())).isEqualTo(TrendView.ABSOLUTE);
        assertThat(TrendView.spread(List.of(12.0, 600.0))).isEqualTo(50.0);
    }

    @Test
    void theRelativeViewIsEachSymbolsChangeInPercentSinceItsFirstBatchShown() {
        // newest first; NVDA first trades in batch 2, which is its base
        List<Batch> newestFirst = List.of(batch(3, "AAPL", 11.0, "MSFT", 594.0, "NVDA", 150.0),
                batch(2, "AAPL", 10.5, "MSFT", 606.0, "NVDA", 120.0), batch(1, "AAPL", 10.0, "MSFT", 600.0));
        XYSeriesCollection relative = PriceTrendChart.dataset(newestFirst, List.of("AAPL", "MSFT", "NVDA"), TrendView.RELATIVE);
        assertThat(relative.getSeries("AAPL").getY(0).doubleValue()).isEqualTo(0.0);
        assertThat(relative.getSeries("AAPL").getY(2).doubleValue()).isCloseTo(10.0, within(1e-9));
        assertThat(relative.getSeries("MSFT").getY(1).doubleValue()).isCloseTo(1.0, within(1e-9));
        assertThat(relative.getSeries("MSFT").getY(2).doubleValue()).isCloseTo(-1.0, within(1e-9));
        assertThat(relative.getSeries("NVDA").getItemCount()).isEqualTo(2);
        assertThat(relative.getSeries("NVDA").getY(1).doubleValue()).isCloseTo(25.0, within(1e-9));
        XYSeriesCollection absolute = PriceTrendChart.dataset(newestFirst, List.of("AAPL", "MSFT"), TrendView.ABSOLUTE);
        assertThat(absolute.getSeries("MSFT").getY(2).doubleValue()).isEqualTo(594.0);
    }

    @Test
    void theChartSaysWhichViewItDrawsAndWhyWhenItChose() {
        List<Batch> newestFirst = List.of(batch(2, "AAPL", 12.0, "MSFT", 606.0), batch(1, "AAPL", 10.0, "MSFT", 600.0));
        List<String> auto = SvgText.texts(ChartEncoder.svgDocument(
                PriceTrendChart.create(newestFirst, List.of("AAPL", "MSFT"), Optional.empty()), "trend"));
        assertThat(auto).contains("Change in average price over the last 2 batches",
                "relative view: % change since each symbol's first batch shown, as the price levels differ 60.0x (more than 3x)",
                "+20%", "+0%");
        List<String> absolute = SvgText.texts(ChartEncoder.svgDocument(
                PriceTrendChart.create(newestFirst, List.of("AAPL", "MSFT"), Optional.of(TrendView.ABSOLUTE)), "trend"));
        assertThat(absolute).contains("Average price over the last 2 batches", "absolute view: average prices, as chosen", "600");
        List<String> close = SvgText.texts(ChartEncoder.svgDocument(
                PriceTrendChart.create(newestFirst, List.of("AAPL"), Optional.empty()), "trend"));
        assertThat(close).contains("Average price over the last 2 batches",
                "absolute view: average prices, as the price levels are within 3x");
    }

    @Test
    void chosenSymbolsAreDrawnWhenTheBatchesHoldThemElseTheMostTraded() {
        List<Batch> batches = List.of(batch(2, "AAPL", 12.0, "MSFT", 606.0, "IBM", 150.0));
        assertThat(ChartSymbols.drawn(batches, List.of("MSFT", "AAPL"), 20)).containsExactly("AAPL", "MSFT");
        assertThat(ChartSymbols.drawn(batches, List.of("MSFT", "GONE"), 20)).containsExactly("MSFT");
        assertThat(ChartSymbols.drawn(batches, List.of("GONE"), 2)).isEqualTo(ChartSymbols.mostTraded(batches, 2));
        assertThat(ChartSymbols.drawn(batches, List.of(), 20)).containsExactly("AAPL", "IBM", "MSFT");
    }
}
