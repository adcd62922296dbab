package dev.stockstream.store;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one micro-batch to the contract's layout ({@link OutputLayout}): the quarantine
 * directory (only when records were rejected), then the batch directory, each written under a
 * temporary name and renamed whole, then the {@code _LATEST} pointer replaced atomically.
 * A batch id whose directory already exists was committed by an earlier attempt with the same
 * input, so its directory is kept: each id is written exactly once and never half-visible.
 */
public final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final FileContext files;
    private final Path root;
    /** The pointer's batch id as this writer last read or wrote it; null until first needed. */
    private OptionalLong pointer;

    public BatchWriter(URI outputRoot, Configuration hadoopConf) throws IOException {
        this.files = FileContext.getFileContext(outputRoot, hadoopConf);
        this.root = new Path(outputRoot);
    }

    /** Writes the batch and moves the pointer forward; safe to call again for the same id. */
    public void commit(long batchId, List<BatchRow> rows, List<QuarantineRecord> quarantine) throws IOException {
        String attempt = UUID.randomUUID().toString();
        if (!quarantine.isEmpty()) {
            StringBuilder lines = new StringBuilder(quarantine.size() * 160);
            quarantine.forEach(record -> lines.append(record.toJsonLine()).append('\n'));
            publish(OutputLayout.tempQuarantineDir(batchId, attempt), OutputLayout.quarantineDir(batchId),
                    OutputLayout.QUARANTINE_FILE, lines);
        }
        StringBuilder csv = new StringBuilder(64 + rows.size() * 120).append(BatchRow.CSV_HEADER).append('\n');
        rows.forEach(row -> csv.append(row.toCsvLine()).append('\n'));
        publish(OutputLayout.tempBatchDir(batchId, attempt), OutputLayout.batchDir(batchId), OutputLayout.DATA_FILE, csv);
        advancePointer(batchId, attempt);
    }

    /** The committed pointer's batch id, or empty before the first batch. */
    public OptionalLong latestBatchId() throws IOException {
        Path pointer = path(OutputLayout.LATEST_POINTER);
        if (!files.util().exists(pointer)) {
            return OptionalLong.empty();
        }
        try (InputStream in = files.open(pointer)) {
            return OutputLayout.parsePointer(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Deletes the temporary directories of attempts that died before their rename. Called once
     * at start-up, when no attempt of this job can be running.
     */
    public void removeAbandonedAttempts() throws IOException {
        PathFilter temporary = candidate -> candidate.getName().startsWith(OutputLayout.TEMP_PREFIX);
        for (String area : List.of(OutputLayout.BATCHES_DIR, OutputLayout.QUARANTINE_DIR)) {
            Path dir = path(area);
            if (!files.util().exists(dir)) {
                continue;
            }
            for (FileStatus leftover : files.util().listStatus(dir, temporary)) {
                LOG.info("removing abandoned attempt {}", leftover.getPath());
                files.delete(leftover.getPath(), true);
            }
        }
    }

    private void publish(String tempDir, String finalDir, String fileName, CharSequence content) throws IOException {
        Path target = path(finalDir);
        if (files.util().exists(target)) {
            LOG.info("{} already committed by an earlier attempt; keeping it", target);
            return;
        }
        Path temp = path(tempDir);
        write(new Path(temp, fileName), content);
        write(new Path(temp, OutputLayout.SUCCESS_MARKER), "");
        try {
            files.rename(temp, target);
        } catch (FileAlreadyExistsException e) {
            LOG.info("{} was committed concurrently; keeping it", target);
            files.delete(temp, true);
        }
    }

    /**
     * Replaces the pointer by rename-with-overwrite; never moves it back to an older batch. The
     * pointer is read once per writer: one job writes one root, so later reads would only find
     * what this writer wrote.
     */
    private void advancePointer(long batchId, String attempt) throws IOException {
        if (pointer == null) {
            pointer = latestBatchId();
        }
        if (pointer.isPresent() && pointer.getAsLong() >= batchId) {
            return;
        }
        Path temp = path(OutputLayout.tempPointer(attempt));
        write(temp, OutputLayout.pointerContent(batchId));
        files.rename(temp, path(OutputLayout.LATEST_POINTER), Options.Rename.OVERWRITE);
        pointer = OptionalLong.of(batchId);
    }

    private void write(Path file, CharSequence content) throws IOException {
        try (OutputStream out = files.create(file, EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE),
                Options.CreateOpts.createParent())) {
            out.write(content.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private Path path(String relative) {
        return new Path(root, relative);
    }
}
