package dev.stockstream.producer.source;

import dev.stockstream.model.Tick;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Replays the monthly history of every symbol, looping forever: between two monthly prices
 * the price walks towards the next one in {@value #STEPS_PER_MONTH} small steps, each with
 * bounded noise, so the stream looks like trading while following the real curve.
 */
public final class CsvReplaySource implements TickSource {

    static final int STEPS_PER_MONTH = 200;
    /** Largest noise of one step, as a fraction of the price. */
    static final double MAX_STEP_NOISE = 0.002;

    private final List<String> symbols;
    private final Walk[] walks;
    private final SplittableRandom random;
    private int nextSymbol;

    public CsvReplaySource(PriceHistory history, long seed) {
        this.symbols = history.symbols();
        this.walks = symbols.stream().map(s -> new Walk(history.prices(s))).toArray(Walk[]::new);
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Tick next(long nowMillis) {
        int index = nextSymbol;
        nextSymbol = (nextSymbol + 1) % symbols.size();
        double price = walks[index].step(random);
        long volume = 100L * (1 + random.nextInt(50));
        return new Tick(symbols.get(index), price, volume, nowMillis);
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }

    private static final class Walk {
        private final double[] monthly;
        private int month;
        private int stepsLeft = STEPS_PER_MONTH;
        private double price;

        Walk(double[] monthly) {
            this.monthly = monthly;
            this.price = monthly[0];
        }

        double step(SplittableRandom random) {
            double target = monthly[(month + 1) % monthly.length];
            if (stepsLeft == 1) {
                month = (month + 1) % monthly.length;
                stepsLeft = STEPS_PER_MONTH;
                price = target;
            } else {
                double drift = (target - price) / stepsLeft;
                double noise = price * MAX_STEP_NOISE * (2 * random.nextDouble() - 1);
                price = Math.max(0.01, price + drift + noise);
                stepsLeft--;
            }
            return Math.round(price * 100) / 100.0;
        }
    }
}
