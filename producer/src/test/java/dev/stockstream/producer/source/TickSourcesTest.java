package dev.stockstream.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.Tick;
import dev.stockstream.model.TickRules;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TickSourcesTest {

    private static final long NOW = 1_732_406_400_123L;

    @Test
    void theBundledHistoryHasFiveSymbolsOverTenYears() {
        PriceHistory history = PriceHistory.load(Optional.empty());

        assertThat(history.symbols()).containsExactlyInAnyOrder("AAPL", "AMZN", "GOOG", "IBM", "MSFT");
        assertThat(history.prices("MSFT")).hasSize(123);
        assertThat(history.prices("MSFT")[0]).isEqualTo(39.81);
    }

    @Test
    void csvReplayWalksFromEachMonthlyPriceToTheNextWithSmallSteps() throws Exception {
        PriceHistory history = PriceHistory.parse(new StringReader(
                "symbol,date,price\nAAA,Feb 1 2000,20\nAAA,Jan 1 2000,10\nAAA,Mar 1 2000,15\n"), "test");
        CsvReplaySource source = new CsvReplaySource(history, 7);

        List<Double> prices = new ArrayList<>();
        for (int i = 0; i < 2 * CsvReplaySource.STEPS_PER_MONTH; i++) {
            Tick tick = source.next(NOW);
            assertThat(TickRules.check(tick.symbol(), tick.price(), tick.volume(), tick.ts())).isNull();
            assertThat(tick.ts()).isEqualTo(NOW);
            prices.add(tick.price());
        }

        assertThat(prices.get(CsvReplaySource.STEPS_PER_MONTH - 1)).as("reaches February's price").isEqualTo(20.0);
        assertThat(prices.get(2 * CsvReplaySource.STEPS_PER_MONTH - 1)).as("then March's").isEqualTo(15.0);
        for (int i = 1; i < prices.size(); i++) {
            double step = Math.abs(prices.get(i) - prices.get(i - 1));
            assertThat(step).as("step %d", i).isLessThan(0.2);
        }
    }

    @Test
    void csvReplayCyclesThroughEverySymbol() {
        CsvReplaySource source = new CsvReplaySource(PriceHistory.load(Optional.empty()), 1);

        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            symbols.add(source.next(NOW).symbol());
        }

        assertThat(symbols.subList(0, 5)).containsExactlyInAnyOrder("AAPL", "AMZN", "GOOG", "IBM", "MSFT");
        assertThat(symbols.subList(5, 10)).isEqualTo(symbols.subList(0, 5));
    }

    @Test
    void theSyntheticSourceIsReproducibleFromItsSeed() {
        SyntheticSource first = new SyntheticSource(SyntheticSource.generatedSymbols(3), 99);
        SyntheticSource second = new SyntheticSource(SyntheticSource.generatedSymbols(3), 99);
        SyntheticSource other = new SyntheticSource(SyntheticSource.generatedSymbols(3), 100);

        List<Tick> a = new ArrayList<>();
        List<Tick> b = new ArrayList<>();
        List<Tick> c = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            a.add(first.next(NOW));
            b.add(second.next(NOW));
            c.add(other.next(NOW));
        }

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(a).allSatisfy(t -> assertThat(TickRules.check(t.symbol(), t.price(), t.volume(), t.ts())).isNull());
        assertThat(a.stream().map(Tick::symbol).distinct()).containsExactly("SYN1", "SYN2", "SYN3");
    }
}
