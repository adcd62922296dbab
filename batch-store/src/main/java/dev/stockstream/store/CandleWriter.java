package dev.stockstream.store;

import dev.stockstream.model.CandleProgress;
import dev.stockstream.model.OutputLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits candle batches to the contract's layout ({@link OutputLayout#CANDLES_DIR}) with the
 * discipline of the batches: Spark writes a batch's candles under a temporary directory, one
 * Parquet file per day; {@link #commit} renames each into its day directory as
 * {@code part-<batch id>.parquet}, then replaces the pointer, which is the commit. A candle batch
 * the pointer already covers is never written again, so a batch replayed after a crash adds
 * nothing; parts of batches after the pointer's are unfinished commits, removed at start-up.
 */
public final class CandleWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CandleWriter.class);
    private static final int MAX_POINTER_BYTES = 512;

    private final FileContext files;
    private final URI root;
    private Optional<CandleProgress> progress;

    public CandleWriter(URI outputRoot, Configuration hadoopConf) throws IOException {
        this.files = FileContext.getFileContext(outputRoot, hadoopConf);
        this.root = outputRoot;
    }

    /**
     * Start-up repair, when no attempt can be running: deletes working copies and the parts of
     * batches the pointer does not cover. Returns the last commit.
     *
     * @throws OutputConflictException when the pointer is unreadable: it cannot be rebuilt from the parts
     */
    public Optional<CandleProgress> recover() throws IOException {
        progress = readProgress();
        long committed = progress.map(CandleProgress::batchId).orElse(-1L);
        Path dir = path(OutputLayout.CANDLES_DIR);
        if (!files.util().exists(dir)) {
            return progress;
        }
        for (FileStatus entry : files.util().listStatus(dir)) {
            String name = entry.getPath().getName();
            if (name.startsWith(OutputLayout.TEMP_PREFIX)) {
                LOG.info("removing abandoned candle attempt {}", entry.getPath());
                files.delete(entry.getPath(), true);
            } else if (entry.isDirectory() && OutputLayout.parseCandleDayName(name).isPresent()) {
                for (FileStatus part : files.util().listStatus(entry.getPath())) {
                    OptionalLong batch = OutputLayout.parseCandlePartName(part.getPath().getName());
                    if (batch.isPresent() && batch.getAsLong() > committed) {
                        LOG.info("removing {}: candle batch {} was not committed", part.getPath(), batch.getAsLong());
                        files.delete(part.getPath(), false);
                    }
                }
            }
        }
        return progress;
    }

    /** The last commit as this writer last read or wrote it. */
    public Optional<CandleProgress> progress() throws IOException {
        if (progress == null) {
            progress = readProgress();
        }
        return progress;
    }

    /** Whether candle batch {@code batchId} is committed already (a replay after a crash). */
    public boolean isCommitted(long batchId) throws IOException {
        return progress().map(p -> p.batchId() >= batchId).orElse(false);
    }

    /** A new, unique working directory for candle batch {@code batchId}'s Parquet, as a URI string. */
    public String newTempDir(long batchId) {
        return path(OutputLayout.tempCandleDir(batchId, UUID.randomUUID().toString())).toString();
    }

    /**
     * Renames the Parquet files under {@code tempDir} (Spark's {@code day=YYYY-MM-DD/part-*.parquet},
     * one per day; null or missing when the batch closed no window) into place, then writes the
     * pointer. A part of the same batch left by an earlier attempt is replaced.
     */
    public void commit(CandleProgress next, String tempDir) throws IOException {
        if (isCommitted(next.batchId())) {
            throw new IllegalStateException("candle batch " + next.batchId() + " is already committed");
        }
        Path temp = tempDir == null ? null : new Path(tempDir);
        if (temp != null && files.util().exists(temp)) {
            for (FileStatus dayDir : files.util().listStatus(temp)) {
                Optional<LocalDate> day = OutputLayout.parseCandleDayName(dayDir.getPath().getName());
                if (!dayDir.isDirectory() || day.isEmpty()) {
                    continue;
                }
                List<Path> parquet = new ArrayList<>();
                for (FileStatus file : files.util().listStatus(dayDir.getPath())) {
                    if (file.getPath().getName().endsWith(".parquet")) {
                        parquet.add(file.getPath());
                    }
                }
                if (parquet.size() != 1) {
                    throw new IllegalStateException("candle batch " + next.batchId() + " wrote " + parquet.size()
                            + " Parquet files for " + day.get() + " under " + dayDir.getPath() + ", expected one");
                }
                Path target = path(OutputLayout.candleDayDir(day.get()) + "/" + OutputLayout.candlePartName(next.batchId()));
                files.mkdir(target.getParent(), null, true);
                files.rename(parquet.get(0), target, Options.Rename.OVERWRITE);
            }
            CommitStep.CANDLE_PARTS_RENAMED.reached(next.batchId());
        }
        Path pointerTemp = path(OutputLayout.tempCandlePointer(UUID.randomUUID().toString()));
        try (OutputStream out = files.create(pointerTemp, EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE),
                Options.CreateOpts.createParent())) {
            out.write(next.encode().getBytes(StandardCharsets.UTF_8));
        }
        files.rename(pointerTemp, path(OutputLayout.CANDLE_POINTER), Options.Rename.OVERWRITE);
        progress = Optional.of(next);
        CommitStep.CANDLE_POINTER_MOVED.reached(next.batchId());
        if (temp != null) {
            files.delete(temp, true);
        }
    }

    private Optional<CandleProgress> readProgress() throws IOException {
        String content;
        try (InputStream in = files.open(path(OutputLayout.CANDLE_POINTER))) {
            content = new String(in.readNBytes(MAX_POINTER_BYTES + 1), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
        Optional<CandleProgress> read = content.length() > MAX_POINTER_BYTES ? Optional.empty() : CandleProgress.decode(content);
        if (read.isEmpty()) {
            throw new OutputConflictException("the candle pointer " + path(OutputLayout.CANDLE_POINTER)
                    + " is not the candle query's progress; move " + path(OutputLayout.CANDLES_DIR) + " and "
                    + path(OutputLayout.CANDLE_CHECKPOINTS_DIR) + " away to rebuild the candles from the topic");
        }
        return read;
    }

    private Path path(String relative) {
        return new Path(root + "/" + relative);
    }
}
