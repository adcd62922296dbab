package dev.stockstream.visualizer.hdfs;

import dev.stockstream.model.Candle;
import dev.stockstream.model.CandleProgress;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What one read of the candles found: the candle query's progress and every candle of the newest
 * windows, all symbols, oldest window first. When HDFS cannot be read, the candles are the last
 * ones read before the outage, under the state saying so. Immutable.
 */
public final class CandleSnapshot {

    private static final Comparator<Candle> BY_WINDOW = Comparator.comparingLong(Candle::windowStart)
            .thenComparing(Candle::symbol);

    private final HistorySnapshot.State state;
    private final Optional<CandleProgress> progress;
    private final List<Candle> candles;
    private final Optional<String> problem;
    /** Symbol to its candles, the symbols with the most ticks first (then by name). */
    private final Map<String, List<Candle>> bySymbol;

    public CandleSnapshot(HistorySnapshot.State state, Optional<CandleProgress> progress, List<Candle> candles,
                          Optional<String> problem) {
        this.state = state;
        this.progress = progress;
        this.candles = candles.stream().sorted(BY_WINDOW).toList();
        this.problem = problem;
        Map<String, List<Candle>> grouped = this.candles.stream()
                .collect(Collectors.groupingBy(Candle::symbol, Collectors.toList()));
        Map<String, Long> ticks = this.candles.stream()
                .collect(Collectors.groupingBy(Candle::symbol, Collectors.summingLong(Candle::ticks)));
        this.bySymbol = new LinkedHashMap<>();
        ticks.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> bySymbol.put(entry.getKey(), List.copyOf(grouped.get(entry.getKey()))));
    }

    /** Before the candle query's first commit. */
    public static CandleSnapshot waiting() {
        return new CandleSnapshot(HistorySnapshot.State.WAITING, Optional.empty(), List.of(), Optional.empty());
    }

    public HistorySnapshot.State state() {
        return state;
    }

    /** The candle pointer as read; empty before the first candle batch (or when it could not be read). */
    public Optional<CandleProgress> progress() {
        return progress;
    }

    /** Every candle read, by window then symbol. */
    public List<Candle> candles() {
        return candles;
    }

    public Optional<String> problem() {
        return problem;
    }

    /** The committed candle batch the candles were read at, -1 before the first. */
    public long batchId() {
        return progress.map(CandleProgress::batchId).orElse(-1L);
    }

    /** The symbols of the candles read, the most traded (most ticks) first, ties by name. */
    public List<String> symbols() {
        return List.copyOf(bySymbol.keySet());
    }

    /** The symbol with the most ticks over the candles read. */
    public Optional<String> mostTraded() {
        return bySymbol.keySet().stream().findFirst();
    }

    public boolean has(String symbol) {
        return bySymbol.containsKey(symbol);
    }

    /** The candles of {@code symbol}, oldest window first; empty when it has none here. */
    public List<Candle> of(String symbol) {
        return bySymbol.getOrDefault(symbol, List.of());
    }

    /** The window length of the newest candle (the job's {@code STOCK_CANDLE_INTERVAL}); empty without candles. */
    public OptionalLong intervalMs() {
        return candles.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(candles.get(candles.size() - 1).windowEnd() - candles.get(candles.size() - 1).windowStart());
    }

    /** How many distinct windows the candles cover. */
    public int windows() {
        return (int) candles.stream().mapToLong(Candle::windowStart).distinct().count();
    }

    /** The candles of the newest {@code count} windows only. */
    CandleSnapshot newest(int count) {
        List<Long> starts = candles.stream().map(Candle::windowStart).distinct().toList();
        if (starts.size() <= count) {
            return this;
        }
        long oldestKept = starts.get(starts.size() - count);
        return new CandleSnapshot(state, progress,
                candles.stream().filter(candle -> candle.windowStart() >= oldestKept).toList(), problem);
    }

    /** The same candles under another state, as an outage reports them. */
    CandleSnapshot as(HistorySnapshot.State newState, String newProblem) {
        return new CandleSnapshot(newState, progress, candles, Optional.of(newProblem));
    }
}
