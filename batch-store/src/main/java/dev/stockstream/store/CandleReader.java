package dev.stockstream.store;

import dev.stockstream.model.Candle;
import dev.stockstream.model.CandleProgress;
import dev.stockstream.model.OutputLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Reads the committed candles of the contract's layout ({@link OutputLayout#CANDLES_DIR}): the
 * progress pointer, the day directories, and the Parquet parts of candle batches up to the one
 * the pointer names (a part of a later batch is an unfinished commit, never read). A {@link Part}
 * (name, size and modification time) never changes, so callers may cache what {@link #read} returns per part.
 */
public final class CandleReader {

    private static final int MAX_POINTER_BYTES = 512;
    private static final long MAX_PART_BYTES = 256L * 1024 * 1024;

    private final FileSystem fs;
    private final URI root;

    /** A reader on a file system the caller keeps and closes. */
    public CandleReader(FileSystem fs, URI root) {
        this.fs = fs;
        this.root = root;
    }

    /**
     * One committed Parquet part: the candles of {@code day} that candle batch {@code batchId} wrote.
     * The history compaction may replace a finished day's parts by one merged part under the name of
     * its newest batch; {@code modified} tells the two apart, so a part is an immutable cache key.
     */
    public record Part(LocalDate day, long batchId, long bytes, long modified) {
    }

    /**
     * The candle query's last commit; empty before its first.
     *
     * @throws CorruptBatchException when the pointer is not a {@link CandleProgress}
     */
    public Optional<CandleProgress> progress() throws IOException {
        byte[] content;
        try {
            content = PointerFile.read(fs, path(OutputLayout.CANDLE_POINTER), MAX_POINTER_BYTES + 1);
        } catch (ChecksumException e) {
            throw new CorruptBatchException("the candle pointer fails its checksum: " + e.getMessage());
        }
        if (content == null) {
            return Optional.empty();
        }
        Optional<CandleProgress> progress = content.length > MAX_POINTER_BYTES
                ? Optional.empty()
                : CandleProgress.decode(new String(content, StandardCharsets.UTF_8));
        if (progress.isEmpty()) {
            throw new CorruptBatchException("the candle pointer " + path(OutputLayout.CANDLE_POINTER)
                    + " is not the candle query's progress");
        }
        return progress;
    }

    /** The days that have candle directories, newest first. */
    public List<LocalDate> days() throws IOException {
        List<LocalDate> days = new ArrayList<>();
        for (FileStatus status : list(path(OutputLayout.CANDLES_DIR))) {
            if (status.isDirectory()) {
                OutputLayout.parseCandleDayName(status.getPath().getName()).ifPresent(days::add);
            }
        }
        days.sort(Comparator.reverseOrder());
        return days;
    }

    /** The parts of {@code day} committed by candle batches up to {@code committedBatch}, newest first. */
    public List<Part> parts(LocalDate day, long committedBatch) throws IOException {
        List<Part> parts = new ArrayList<>();
        for (FileStatus status : list(path(OutputLayout.candleDayDir(day)))) {
            OptionalLong batch = OutputLayout.parseCandlePartName(status.getPath().getName());
            if (status.isFile() && batch.isPresent() && batch.getAsLong() <= committedBatch) {
                parts.add(new Part(day, batch.getAsLong(), status.getLen(), status.getModificationTime()));
            }
        }
        parts.sort(Comparator.comparingLong(Part::batchId).reversed());
        return parts;
    }

    /**
     * The candles of one part, in the order written.
     *
     * @throws CorruptBatchException when the part is not a candle file
     */
    public List<Candle> read(Part part) throws IOException {
        Path file = path(OutputLayout.candleDayDir(part.day()) + "/" + OutputLayout.candlePartName(part.batchId()));
        if (part.bytes() > MAX_PART_BYTES) {
            throw new CorruptBatchException(file + " is " + part.bytes() + " bytes, more than a candle part holds");
        }
        List<Candle> candles = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(fs.getConf()).build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                candles.add(candle(row));
            }
        } catch (ChecksumException e) {
            throw new CorruptBatchException(file + " fails its checksum: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new CorruptBatchException(file + " is not a candle file: " + e.getMessage());
        }
        return candles;
    }

    /** Every committed candle, by window then symbol: for tests and audits (it reads every part). */
    public List<Candle> readAll() throws IOException {
        Optional<CandleProgress> progress = progress();
        List<Candle> candles = new ArrayList<>();
        if (progress.isEmpty()) {
            return candles;
        }
        for (LocalDate day : days()) {
            for (Part part : parts(day, progress.get().batchId())) {
                candles.addAll(read(part));
            }
        }
        candles.sort(Comparator.comparingLong(Candle::windowStart).thenComparing(Candle::symbol));
        return candles;
    }

    private static Candle candle(Group row) {
        return new Candle(row.getString("symbol", 0), row.getLong("window_start", 0), row.getLong("window_end", 0),
                row.getDouble("open", 0), row.getDouble("high", 0), row.getDouble("low", 0), row.getDouble("close", 0),
                row.getLong("ticks", 0), row.getLong("volume", 0), row.getDouble("vwap", 0), row.getLong("batch_id", 0));
    }

    private FileStatus[] list(Path dir) throws IOException {
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }

    private Path path(String relative) {
        return new Path(root.toString() + "/" + relative);
    }
}
