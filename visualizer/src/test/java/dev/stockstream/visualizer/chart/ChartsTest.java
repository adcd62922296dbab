package dev.stockstream.visualizer.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.BatchRow;
import dev.stockstream.visualizer.SvgText;
import dev.stockstream.visualizer.TestBatches;
import dev.stockstream.visualizer.TestPrerequisites;
import dev.stockstream.visualizer.hdfs.Batch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static final long T0 = 1_732_406_400_000L;

    @BeforeAll
    static void fontsInstalled() {
        TestPrerequisites.requireFonts();
    }

    private static Batch batch(long id, Object... symbolsAndPrices) {
        return new Batch(id, Instant.ofEpochMilli(T0 + id * 5000),
                TestBatches.rows(id, T0 + id * 5000, symbolsAndPrices));
    }

    @Test
    void theBarDatasetHoldsEachSymbolOfTheBatchWithItsAveragePrice() {
        Batch batch = batch(4, "MSFT", 410.5, "AAPL", 180.25);
        DefaultCategoryDataset dataset = PriceBarChart.dataset(batch, List.of("AAPL", "MSFT"));
        assertThat(dataset.getColumnKeys()).containsExactly("AAPL", "MSFT");
        assertThat(dataset.getValue(PriceBarChart.SERIES, "AAPL")).isEqualTo(180.25);
        assertThat(dataset.getValue(PriceBarChart.SERIES, "MSFT")).isEqualTo(410.5);
    }

    @Test
    void theTrendDatasetHasOnePointPerBatchAtItsBatchTime() {
        List<Batch> newestFirst = List.of(batch(3, "AAPL", 13.0, "IBM", 23.0), batch(2, "AAPL", 12.0),
                batch(1, "AAPL", 11.0, "IBM", 21.0));
        XYSeriesCollection dataset = PriceTrendChart.dataset(newestFirst, List.of("AAPL", "IBM"), TrendView.ABSOLUTE);
        assertThat(dataset.getSeries("AAPL").getItemCount()).isEqualTo(3);
        assertThat(dataset.getSeries("AAPL").getX(0)).isEqualTo((double) (T0 + 5000));
        assertThat(dataset.getSeries("AAPL").getY(2)).isEqualTo(13.0);
        assertThat(dataset.getSeries("IBM").getItemCount()).isEqualTo(2);
    }

    @Test
    void chartsDrawTheMostTradedSymbolsWhenThereAreTooMany() {
        List<BatchRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new BatchRow(1, T0, "S" + i, 10, 9, 11, 10, 1, i));
        }
        Batch batch = new Batch(1, Instant.now(), rows);
        assertThat(ChartSymbols.mostTraded(List.of(batch), 3)).containsExactly("S27", "S28", "S29");
        List<String> texts = SvgText.texts(ChartEncoder.svgDocument(PriceBarChart.create(batch, 3), "bar"));
        assertThat(texts).contains("S29").doesNotContain("S0")
                .anySatisfy(text -> assertThat(text).contains("the 3 most traded of 30 symbols"));
    }

    @Test
    void theSvgDocumentHasAnXmlDeclarationNoDoctypeAndEscapedText() {
        Batch batch = new Batch(1, Instant.now(), List.of(new BatchRow(1, T0, "A<&>\"'B", 10, 9, 11, 10, 1, 1)));
        String svg = ChartEncoder.svgDocument(PriceBarChart.create(batch, 20), "bar");
        assertThat(svg).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").doesNotContain("DOCTYPE")
                .doesNotContain("A<&>");
        assertThat(SvgText.texts(svg)).contains("A<&>\"'B", "10.00", "symbol");
    }

    @Test
    void theTrendChartHasTitleAxisLabelsAndALegend() {
        List<Batch> newestFirst = List.of(batch(6, "AAPL", 13.0, "IBM", 23.0), batch(5, "AAPL", 12.0, "IBM", 22.0));
        List<String> texts = SvgText.texts(ChartEncoder.svgDocument(
                PriceTrendChart.create(newestFirst, List.of("AAPL", "IBM"), Optional.empty()), "trend"));
        // the vertical axis label is drawn rotated, as outlines rather than a text element
        assertThat(texts).contains("Average price over the last 2 batches", "batches 5 to 6", "batch time (UTC)",
                "AAPL", "IBM");
    }

    @Test
    void thePngVariantIsAPngImage() {
        byte[] png = ChartEncoder.png(PriceBarChart.create(batch(1, "AAPL", 1.0), 20));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).isGreaterThan(1000);
    }
}
