package dev.stockstream.visualizer.web;

import dev.stockstream.model.Candle;
import dev.stockstream.model.CandleProgress;
import dev.stockstream.visualizer.config.VisualizerSettings;
import dev.stockstream.visualizer.hdfs.CandleHistory;
import dev.stockstream.visualizer.hdfs.CandleSnapshot;
import dev.stockstream.visualizer.hdfs.HistorySnapshot;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** The candles as JSON: one symbol's candles of the newest windows, with the candle query's watermark and late ticks. */
@Path("/api/candles")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class CandleApiResource {

    /** Times are epoch milliseconds of event time, as {@code batchTime} is in the batch API. */
    public record CandleJson(long windowStart, long windowEnd, double open, double high, double low, double close,
                             long ticks, long volume, double vwap) {
        static CandleJson of(Candle candle) {
            return new CandleJson(candle.windowStart(), candle.windowEnd(), candle.open(), candle.high(), candle.low(),
                    candle.close(), candle.ticks(), candle.volume(), candle.vwap());
        }
    }

    /**
     * @param symbol         the symbol asked for, else the most traded; null before the first candle
     * @param intervalMs     a candle's window length, null before the first candle
     * @param candleBatchId  the candle query's last committed batch, null before its first
     * @param watermark      its event-time watermark: every window ending at or before it is written
     * @param lateTicks      ticks that last batch dropped because their window had closed; lateTicksTotal since the query began
     * @param symbols        the symbols of the newest windows, the most traded first
     */
    public record CandlesJson(String state, String symbol, int requested, Long intervalMs, Long candleBatchId,
                              Long watermark, long lateTicks, long lateTicksTotal, List<String> symbols,
                              List<CandleJson> candles) {
    }

    @Inject
    CandleHistory candles;
    @Inject
    VisualizerSettings settings;

    /** 503 while HDFS cannot be read (the page shows the last candles instead); 404 for a symbol the newest windows do not hold. */
    @GET
    public Response candles(@Valid @BeanParam SymbolParam symbol, @Valid @BeanParam CandleCountParam last) {
        int windows = last.orDefault(settings.candlesLast());
        CandleSnapshot current = candles.read(windows);
        if (current.state() == HistorySnapshot.State.UNREACHABLE || current.state() == HistorySnapshot.State.POINTER_UNREADABLE) {
            return ErrorResponses.json(Response.Status.SERVICE_UNAVAILABLE, current.problem().orElse("unavailable"));
        }
        Optional<String> asked = symbol.symbol();
        if (asked.isPresent() && !current.candles().isEmpty() && !current.has(asked.get())) {
            return ErrorResponses.unknownSymbols(List.of(asked.get()), "the candles of the newest " + windows + " windows",
                    current.symbols());
        }
        Optional<String> shown = asked.or(current::mostTraded);
        Optional<CandleProgress> progress = current.progress();
        return Response.ok(new CandlesJson(current.state().name(), shown.orElse(null), windows,
                current.intervalMs().isPresent() ? current.intervalMs().getAsLong() : null,
                progress.map(CandleProgress::batchId).orElse(null), progress.map(CandleProgress::watermarkMs).orElse(null),
                progress.map(CandleProgress::lateTicks).orElse(0L), progress.map(CandleProgress::lateTicksTotal).orElse(0L),
                current.symbols(), shown.map(current::of).orElse(List.of()).stream().map(CandleJson::of).toList())).build();
    }
}
