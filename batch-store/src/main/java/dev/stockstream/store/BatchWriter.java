package dev.stockstream.store;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import java.io.FileNotFoundException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits micro-batches to the contract's layout ({@link OutputLayout}). One batch is one
 * {@link Attempt}: the executors stream the rejected records into the attempt's quarantine
 * directory, then {@link Attempt#commit} renames that directory into place (only when records
 * were rejected), writes the batch directory under a temporary name and renames it whole, and
 * replaces the {@code _LATEST} pointer. Each directory carries the batch's input ({@link BatchInput}):
 * a batch id already committed from the same input is kept as it is, one committed from other
 * input stops the job ({@link OutputConflictException}). A batch is committed once its batch
 * directory exists; a quarantine directory without one is an unfinished attempt.
 */
public final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final int MAX_POINTER_BYTES = 64;

    private final FileContext files;
    private final Configuration hadoopConf;
    private final URI root;
    /** The pointer's batch id as this writer last read or wrote it; null until first needed. */
    private OptionalLong pointer;

    public BatchWriter(URI outputRoot, Configuration hadoopConf) throws IOException {
        this.files = FileContext.getFileContext(outputRoot, hadoopConf);
        this.hadoopConf = hadoopConf;
        this.root = outputRoot;
    }

    /**
     * Start-up repair, when no attempt of this job can be running: deletes the temporary directories
     * of attempts that died before their rename, and rewrites a pointer that is missing, unreadable
     * or names a batch that does not exist from the batches that do. Returns the last committed batch id.
     */
    public OptionalLong recover() throws IOException {
        removeLeftovers(OutputLayout.QUARANTINE_DIR);
        OptionalLong newest = removeLeftovers(OutputLayout.BATCHES_DIR);
        String found = readPointer();
        OptionalLong named = found == null ? OptionalLong.empty() : OutputLayout.parsePointer(found);
        boolean sound = named.isPresent() ? exists(OutputLayout.batchDir(named.getAsLong())) : found == null && newest.isEmpty();
        if (!sound) {
            String problem = found == null ? "is missing" : named.isEmpty()
                    ? "does not hold a batch id (" + abbreviate(found) + ")"
                    : "names batch " + named.getAsLong() + ", which does not exist";
            if (newest.isPresent()) {
                LOG.warn("the latest-batch pointer {} {}; rewriting it to the newest committed batch {}",
                        path(OutputLayout.LATEST_POINTER), problem, newest.getAsLong());
                writePointer(newest.getAsLong(), UUID.randomUUID().toString());
            } else {
                LOG.warn("the latest-batch pointer {} {} and no batch is committed; removing it",
                        path(OutputLayout.LATEST_POINTER), problem);
                files.delete(path(OutputLayout.LATEST_POINTER), false);
            }
        }
        pointer = sound ? named : newest;
        return pointer;
    }

    /**
     * Starts batch {@code batchId}, computed from {@code input}. When it is committed already from the
     * same input, the attempt {@link Attempt#alreadyCommitted() says so} and its commit only moves the
     * pointer.
     *
     * @throws OutputConflictException when the batch or its quarantine was committed from other input
     */
    public Attempt begin(long batchId, BatchInput input) throws IOException {
        boolean committed = checkInput(OutputLayout.batchDir(batchId), batchId, input, true);
        if (!committed) {
            checkInput(OutputLayout.quarantineDir(batchId), batchId, input, false);
        }
        return new Attempt(batchId, input, committed);
    }

    /** Begins, writes {@code quarantine} as one part, and commits: for callers that hold the records. */
    public void commit(long batchId, BatchInput input, List<BatchRow> rows, List<QuarantineRecord> quarantine)
            throws IOException {
        Attempt attempt = begin(batchId, input);
        if (!attempt.alreadyCommitted() && !quarantine.isEmpty()) {
            try (QuarantinePart part = QuarantinePart.open(attempt.quarantineDir(), hadoopConf, batchId, 0, 0)) {
                for (QuarantineRecord record : quarantine) {
                    part.write(record);
                }
            }
        }
        attempt.commit(rows);
    }

    /** The committed pointer's batch id, or empty before the first batch (or when it holds no id). */
    public OptionalLong latestBatchId() throws IOException {
        String content = readPointer();
        return content == null ? OptionalLong.empty() : OutputLayout.parsePointer(content);
    }

    /** One batch being written. */
    public final class Attempt {

        private final long batchId;
        private final BatchInput input;
        private final boolean alreadyCommitted;
        private final String id = UUID.randomUUID().toString();

        private Attempt(long batchId, BatchInput input, boolean alreadyCommitted) {
            this.batchId = batchId;
            this.input = input;
            this.alreadyCommitted = alreadyCommitted;
        }

        public boolean alreadyCommitted() {
            return alreadyCommitted;
        }

        /** Where the executors write this attempt's {@link QuarantinePart}s. */
        public URI quarantineDir() {
            return URI.create(root + "/" + OutputLayout.tempQuarantineDir(batchId, id));
        }

        /** Publishes the quarantine parts written so far, then the rows, then moves the pointer. */
        public void commit(List<BatchRow> rows) throws IOException {
            if (!alreadyCommitted) {
                Path quarantine = new Path(quarantineDir());
                if (files.util().exists(quarantine)) {
                    for (FileStatus unfinished : files.util().listStatus(quarantine,
                            candidate -> candidate.getName().startsWith(OutputLayout.TEMP_PREFIX))) {
                        files.delete(unfinished.getPath(), false);
                    }
                    publish(quarantine, OutputLayout.quarantineDir(batchId), null);
                    CommitStep.QUARANTINE_RENAMED.reached(batchId);
                }
                StringBuilder csv = new StringBuilder(64 + rows.size() * 120).append(BatchRow.CSV_HEADER).append('\n');
                rows.forEach(row -> csv.append(row.toCsvLine()).append('\n'));
                publish(path(OutputLayout.tempBatchDir(batchId, id)), OutputLayout.batchDir(batchId), csv);
                CommitStep.BATCH_RENAMED.reached(batchId);
            }
            advancePointer(batchId, id);
            CommitStep.POINTER_MOVED.reached(batchId);
        }

        /** Adds the input record, the data file (when {@code data} is not null) and the marker, then renames. */
        private void publish(Path temp, String finalDir, CharSequence data) throws IOException {
            if (data != null) {
                write(new Path(temp, OutputLayout.DATA_FILE), data);
            }
            write(new Path(temp, OutputLayout.INPUT_FILE), input.toJson());
            write(new Path(temp, OutputLayout.SUCCESS_MARKER), "");
            try {
                files.rename(temp, path(finalDir));
            } catch (FileAlreadyExistsException e) {
                LOG.info("{} was committed concurrently; keeping it", path(finalDir));
                files.delete(temp, true);
            }
        }
    }

    /**
     * Whether {@code dir} holds a commit of the same input: true when it does, false when it does not
     * exist. A quarantine directory from other input ({@code committed} false) is an unfinished attempt
     * and is removed; a batch directory from other input is a conflict.
     */
    private boolean checkInput(String dir, long batchId, BatchInput input, boolean committed) throws IOException {
        if (!exists(dir)) {
            return false;
        }
        BatchInput recorded;
        try (InputStream in = files.open(path(dir + "/" + OutputLayout.INPUT_FILE))) {
            recorded = BatchInput.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            LOG.info("{} has no input record (written before the job recorded one); keeping it as batch {}", path(dir), batchId);
            return true;
        } catch (IllegalArgumentException e) {
            if (!committed) {
                LOG.info("{} is an unfinished attempt with an unreadable input record; replacing it", path(dir));
                files.delete(path(dir), true);
                return false;
            }
            throw new OutputConflictException(path(dir) + "/" + OutputLayout.INPUT_FILE + " cannot be read ("
                    + e.getMessage() + "): move the directory away, then restart");
        }
        if (recorded.equals(input)) {
            LOG.info("{} already committed from the same input by an earlier attempt; keeping it", path(dir));
            return true;
        }
        if (!committed) {
            LOG.info("{} is an unfinished attempt from other input ({}); replacing it", path(dir), recorded.describe());
            files.delete(path(dir), true);
            return false;
        }
        throw new OutputConflictException("batch " + batchId + " in " + root + " was committed from " + recorded.describe()
                + ", but this run's batch " + batchId + " reads " + input.describe()
                + ": the checkpoint and the output root disagree (was the checkpoint deleted or replaced?). "
                + "Restore the checkpoint, or resume from the output (STOCK_RESUME_FROM_OUTPUT=true with an empty checkpoint), "
                + "or start over with a new STOCK_OUTPUT_ROOT");
    }

    /** Deletes the leftover temporary entries of {@code area}; returns the newest committed batch id in it. */
    private OptionalLong removeLeftovers(String area) throws IOException {
        Path dir = path(area);
        if (!files.util().exists(dir)) {
            return OptionalLong.empty();
        }
        long newest = -1;
        for (FileStatus entry : files.util().listStatus(dir)) {
            String name = entry.getPath().getName();
            if (name.startsWith(OutputLayout.TEMP_PREFIX)) {
                LOG.info("removing abandoned attempt {}", entry.getPath());
                files.delete(entry.getPath(), true);
            } else {
                OptionalLong id = OutputLayout.parseBatchDirName(name);
                if (id.isPresent()) {
                    newest = Math.max(newest, id.getAsLong());
                }
            }
        }
        return newest < 0 ? OptionalLong.empty() : OptionalLong.of(newest);
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
        writePointer(batchId, attempt);
    }

    private void writePointer(long batchId, String attempt) throws IOException {
        Path temp = path(OutputLayout.tempPointer(attempt));
        write(temp, OutputLayout.pointerContent(batchId));
        files.rename(temp, path(OutputLayout.LATEST_POINTER), Options.Rename.OVERWRITE);
        pointer = OptionalLong.of(batchId);
    }

    /** The pointer's content (at most a few bytes of it), or null when there is none. */
    private String readPointer() throws IOException {
        try (InputStream in = files.open(path(OutputLayout.LATEST_POINTER))) {
            return new String(in.readNBytes(MAX_POINTER_BYTES + 1), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private boolean exists(String relative) throws IOException {
        return files.util().exists(path(relative));
    }

    private void write(Path file, CharSequence content) throws IOException {
        try (OutputStream out = files.create(file, EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE),
                Options.CreateOpts.createParent())) {
            out.write(content.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private Path path(String relative) {
        return new Path(root + "/" + relative);
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }
}
