package dev.stockstream.producer.source;

import dev.stockstream.model.Tick;
import dev.stockstream.model.TickRules;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Geometric Brownian motion per symbol from a fixed seed: a reproducible load for tests and benchmarks. */
public final class SyntheticSource implements TickSource {

    /** Standard deviation of one step's log return. */
    static final double STEP_VOLATILITY = 0.001;

    private final List<String> symbols;
    private final double[] prices;
    private final SplittableRandom random;
    private int nextSymbol;

    public SyntheticSource(List<String> symbols, long seed) {
        this.symbols = List.copyOf(symbols);
        this.random = new SplittableRandom(seed);
        this.prices = symbols.stream().mapToDouble(s -> 20 + random.nextDouble() * 480).toArray();
    }

    /** Symbols {@code SYN1..SYNn}, for loads over many keys. */
    public static List<String> generatedSymbols(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "SYN" + i).toList();
    }

    @Override
    public Tick next(long nowMillis) {
        int index = nextSymbol;
        nextSymbol = (nextSymbol + 1) % symbols.size();
        double logReturn = STEP_VOLATILITY * random.nextGaussian() - STEP_VOLATILITY * STEP_VOLATILITY / 2;
        prices[index] = Math.min(TickRules.MAX_PRICE, Math.max(0.01, prices[index] * Math.exp(logReturn)));
        long volume = 100L * (1 + random.nextInt(50));
        return new Tick(symbols.get(index), Math.round(prices[index] * 10_000) / 10_000.0, volume, nowMillis);
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }
}
