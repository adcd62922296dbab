package dev.stockstream.visualizer.hdfs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stockstream.store.BatchReader;
import dev.stockstream.store.CommittedBatch;
import dev.stockstream.store.CorruptBatchException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Finds the newest committed batches: reads the latest-batch pointer, then the batch ids
 * below it one by one. Committed batches never change, so each id is read from HDFS once and
 * then served from a bounded cache: a read costs one pointer read however long the history is.
 */
public class HistoryReader {

    private static final Logger LOG = Logger.getLogger(HistoryReader.class);

    private final BatchReader files;
    private final int maxMissing;
    private final Clock clock;
    /** The outcome per batch id: the batch, or empty when it is missing or unreadable (logged and counted once). */
    private final Cache<Long, Optional<Batch>> cache;
    private final AtomicReference<List<Batch>> lastGood = new AtomicReference<>(List.of());
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Counter batchesRead;
    private final Counter batchesMissing;
    private final Counter batchesCorrupt;

    public HistoryReader(BatchReader files, int maxMissing, int cacheBatches, MeterRegistry registry, Clock clock) {
        this.files = files;
        this.maxMissing = maxMissing;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(cacheBatches).build();
        this.cacheHits = registry.counter("visualizer.batch.cache.hits");
        this.cacheMisses = registry.counter("visualizer.batch.cache.misses");
        this.batchesRead = registry.counter("visualizer.batches.read", "outcome", "ok");
        this.batchesMissing = registry.counter("visualizer.batches.read", "outcome", "missing");
        this.batchesCorrupt = registry.counter("visualizer.batches.read", "outcome", "corrupt");
    }

    /** The newest {@code count} committed batches (fewer if the history is shorter). */
    public HistorySnapshot read(int count) {
        OptionalLong latest;
        try {
            latest = files.latestBatchId();
        } catch (CorruptBatchException e) {
            return degraded(HistorySnapshot.State.POINTER_UNREADABLE, e.getMessage(), count);
        } catch (IOException | RuntimeException e) {
            return degraded(HistorySnapshot.State.UNREACHABLE, "cannot read " + files.root() + ": " + oneLine(e), count);
        }
        if (latest.isEmpty()) {
            return new HistorySnapshot(HistorySnapshot.State.WAITING, List.of(), List.of(), Optional.empty(), clock.instant());
        }
        List<Batch> batches = new ArrayList<>(count);
        List<Long> skipped = new ArrayList<>();
        try {
            for (long id = latest.getAsLong(); id >= 0 && batches.size() < count && skipped.size() <= maxMissing; id--) {
                Optional<Batch> batch = entry(id);
                if (batch.isPresent()) {
                    batches.add(batch.get());
                } else {
                    skipped.add(id);
                }
            }
        } catch (IOException | RuntimeException e) {
            return degraded(HistorySnapshot.State.UNREACHABLE, "cannot read " + files.root() + ": " + oneLine(e), count);
        }
        remember(batches);
        return new HistorySnapshot(HistorySnapshot.State.OK, batches, skipped, Optional.empty(), clock.instant());
    }

    /** Keeps the longest recent read for outages, so a one-batch API call does not shrink the page's trend. */
    private void remember(List<Batch> batches) {
        lastGood.updateAndGet(previous -> batches.size() >= previous.size() || batches.isEmpty()
                || previous.isEmpty() || batches.get(0).id() != previous.get(0).id() ? List.copyOf(batches) : previous);
    }

    /** The output root read, without a trailing slash. */
    public URI root() {
        return files.root();
    }

    /** Does the root answer (for readiness). */
    public void probe() throws IOException {
        files.probe();
    }

    /** Loads each id once, even when the poller and a request ask for it at the same moment. */
    private Optional<Batch> entry(long id) throws IOException {
        Optional<Batch> cached = cache.getIfPresent(id);
        if (cached != null) {
            cacheHits.increment();
            return cached;
        }
        try {
            return cache.get(id, key -> {
                cacheMisses.increment();
                try {
                    return load(key);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Missing and corrupt ids are cached too: a committed id below the pointer never changes. */
    private Optional<Batch> load(long id) throws IOException {
        try {
            CommittedBatch batch = files.readBatch(id);
            if (batch == null) {
                batchesMissing.increment();
                LOG.warnf("batch %d is missing under %s; skipped", id, files.root());
                return Optional.empty();
            }
            batchesRead.increment();
            return Optional.of(new Batch(batch.id(), batch.committedAt(), batch.rows()));
        } catch (CorruptBatchException e) {
            batchesCorrupt.increment();
            LOG.warnf("batch %d skipped: %s", id, e.getMessage());
            return Optional.empty();
        }
    }

    private HistorySnapshot degraded(HistorySnapshot.State state, String problem, int count) {
        List<Batch> known = lastGood.get();
        return new HistorySnapshot(state, known.subList(0, Math.min(count, known.size())), List.of(), Optional.of(problem),
                clock.instant());
    }

    /** Hadoop's messages carry a wiki link and several lines; the first line says it. */
    static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        int wiki = first.indexOf(" For more details see:");
        return (wiki < 0 ? first : first.substring(0, wiki)).trim();
    }
}
