package dev.stockstream.visualizer.hdfs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stockstream.model.Candle;
import dev.stockstream.model.CandleProgress;
import dev.stockstream.store.CandleReader;
import dev.stockstream.store.CorruptBatchException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.fs.FileSystem;
import org.jboss.logging.Logger;

/**
 * Finds the newest candles: reads the candle pointer, then the committed Parquet parts newest
 * day and batch first, only until they cover the windows asked for. A committed part never
 * changes, so each is read from HDFS once and then served from a cache bounded by candles; a read
 * at the same pointer is answered from memory. Reads through a file system of its own, closed with it.
 */
public class CandleHistory implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CandleHistory.class);
    /** Day directories looked at, at most, however few windows they hold. */
    static final int MAX_DAYS = 31;

    /** A read is answered from memory when the pointer has not moved. */
    private record ReadKey(CandleProgress progress, int windows) {
    }

    private final FileSystem fs;
    private final CandleReader files;
    private final URI root;
    /**
     * The candles of each part read, weighed by candle; a corrupt part (not Parquet, or failing its
     * checksum) is kept as no candles, so it is logged once.
     */
    private final Cache<CandleReader.Part, List<Candle>> parts;
    private final Cache<ReadKey, CandleSnapshot> reads = Caffeine.newBuilder().maximumSize(16).build();
    private final AtomicReference<CandleSnapshot> lastGood = new AtomicReference<>();
    private final AtomicLong lateTicksTotal = new AtomicLong();
    private final AtomicLong lateTicksLastBatch = new AtomicLong();
    private final AtomicLong watermarkMs = new AtomicLong();
    private final Counter partsRead;
    private final Counter partsCorrupt;
    private final MeterRegistry registry;
    /** The meters that read this reader's state, removed with it: a registry outliving it would keep reporting them. */
    private final List<Meter> progressMeters;

    public CandleHistory(FileSystem fs, URI root, long cacheCandles, MeterRegistry registry) {
        this.fs = fs;
        this.files = new CandleReader(fs, root);
        this.root = root;
        this.parts = Caffeine.newBuilder().maximumWeight(cacheCandles)
                .<CandleReader.Part, List<Candle>>weigher((part, candles) -> Math.max(1, candles.size())).build();
        this.registry = registry;
        this.partsRead = registry.counter("visualizer.candle.parts.read", "outcome", "ok");
        this.partsCorrupt = registry.counter("visualizer.candle.parts.read", "outcome", "corrupt");
        this.progressMeters = List.of(
                FunctionCounter.builder("visualizer.candles.late.ticks", lateTicksTotal, AtomicLong::get)
                        .description("ticks the candle query dropped because their window had closed, since it began")
                        .register(registry),
                Gauge.builder("visualizer.candles.late.ticks.last.batch", lateTicksLastBatch, AtomicLong::get)
                        .description("ticks dropped as late in the last committed candle batch")
                        .register(registry),
                Gauge.builder("visualizer.candles.watermark", watermarkMs, ms -> ms.get() / 1000.0)
                        .description("the candle query's event-time watermark, epoch seconds: windows ending before it are written")
                        .baseUnit("seconds")
                        .register(registry));
    }

    /**
     * Every candle of the newest {@code windows} windows, all symbols. Never throws: an unreachable
     * HDFS or an unreadable pointer comes back as the snapshot's state, over the last candles read.
     */
    public CandleSnapshot read(int windows) {
        Optional<CandleProgress> progress;
        try {
            progress = files.progress();
        } catch (CorruptBatchException e) {
            return degraded(HistorySnapshot.State.POINTER_UNREADABLE, e.getMessage(), windows);
        } catch (IOException | RuntimeException e) {
            return degraded(HistorySnapshot.State.UNREACHABLE, "cannot read " + root + ": " + HistoryReader.oneLine(e), windows);
        }
        if (progress.isEmpty()) {
            return CandleSnapshot.waiting();
        }
        count(progress.get());
        ReadKey key = new ReadKey(progress.get(), windows);
        CandleSnapshot known = reads.getIfPresent(key);
        if (known != null) {
            return known;
        }
        List<Candle> candles;
        try {
            try {
                candles = newestWindows(progress.get().batchId(), windows);
            } catch (FileNotFoundException e) {
                // the job's compaction swapped a finished day for its merged part between listing and reading
                candles = newestWindows(progress.get().batchId(), windows);
            }
        } catch (IOException | RuntimeException e) {
            return degraded(HistorySnapshot.State.UNREACHABLE, "cannot read " + root + ": " + HistoryReader.oneLine(e), windows);
        }
        CandleSnapshot read = new CandleSnapshot(HistorySnapshot.State.OK, progress, candles, Optional.empty()).newest(windows);
        reads.put(key, read);
        lastGood.updateAndGet(previous -> previous == null || previous.batchId() != read.batchId()
                || read.windows() >= previous.windows() ? read : previous);
        return read;
    }

    /** The parts newest first until they hold {@code windows} distinct windows (later batches close later windows). */
    private List<Candle> newestWindows(long committedBatch, int windows) throws IOException {
        List<Candle> candles = new ArrayList<>();
        Set<Long> starts = new HashSet<>();
        List<LocalDate> days = files.days();
        for (LocalDate day : days.subList(0, Math.min(MAX_DAYS, days.size()))) {
            for (CandleReader.Part part : files.parts(day, committedBatch)) {
                if (starts.size() >= windows) {
                    return candles;
                }
                for (Candle candle : part(part)) {
                    candles.add(candle);
                    starts.add(candle.windowStart());
                }
            }
        }
        return candles;
    }

    /** Read once however many readers ask at once (the poller and a request): the cache loads each part atomically. */
    private List<Candle> part(CandleReader.Part part) throws IOException {
        try {
            return parts.get(part, this::load);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private List<Candle> load(CandleReader.Part part) {
        try {
            List<Candle> candles = List.copyOf(files.read(part));
            partsRead.increment();
            return candles;
        } catch (CorruptBatchException e) {
            partsCorrupt.increment();
            LOG.warnf("candle part of %s, batch %d skipped: %s", part.day(), part.batchId(), e.getMessage());
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void count(CandleProgress progress) {
        lateTicksTotal.set(progress.lateTicksTotal());
        lateTicksLastBatch.set(progress.lateTicks());
        watermarkMs.set(progress.watermarkMs());
    }

    private CandleSnapshot degraded(HistorySnapshot.State state, String problem, int windows) {
        CandleSnapshot known = lastGood.get();
        return known == null
                ? new CandleSnapshot(state, Optional.empty(), List.of(), Optional.of(problem))
                : known.newest(windows).as(state, problem);
    }

    /** The output root read, without a trailing slash. */
    public URI root() {
        return root;
    }

    @Override
    public void close() throws IOException {
        progressMeters.forEach(registry::remove);
        fs.close();
    }
}
