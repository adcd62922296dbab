package dev.stockstream.store;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads what {@link BatchWriter} commits ({@link OutputLayout}) through Hadoop's FileSystem API.
 * The latest-batch pointer and single batches are read by exact path only, never by a listing of
 * {@code batches/}; only the {@code list...} methods, for tests and audits of a whole root, list.
 */
public final class BatchReader implements AutoCloseable {

    /** Larger pointers or data files are not what the job writes. */
    private static final int MAX_POINTER_BYTES = 64;
    private static final long MAX_DATA_FILE_BYTES = 16L * 1024 * 1024;

    private final FileSystem fs;
    private final URI root;
    private final boolean ownsFileSystem;

    /** A reader on a file system the caller keeps and closes. */
    public BatchReader(FileSystem fs, URI root) {
        this(fs, root, false);
    }

    private BatchReader(FileSystem fs, URI root, boolean ownsFileSystem) {
        this.fs = fs;
        this.root = root;
        this.ownsFileSystem = ownsFileSystem;
    }

    /** A reader with a file system of its own ({@link FileSystem#newInstance}), closed with the reader. */
    public static BatchReader open(URI root, Configuration conf) throws IOException {
        return new BatchReader(FileSystem.newInstance(root, conf), root, true);
    }

    public URI root() {
        return root;
    }

    /** The last committed batch id; empty before the first batch. Throws when the root cannot be reached. */
    public OptionalLong latestBatchId() throws IOException {
        byte[] content;
        try {
            content = PointerFile.read(fs, path(OutputLayout.LATEST_POINTER), MAX_POINTER_BYTES + 1);
        } catch (ChecksumException e) {
            throw new CorruptBatchException("the latest-batch pointer fails its checksum: " + e.getMessage());
        }
        if (content == null) {
            return OptionalLong.empty();
        }
        OptionalLong id = content.length > MAX_POINTER_BYTES
                ? OptionalLong.empty()
                : OutputLayout.parsePointer(new String(content, StandardCharsets.UTF_8));
        if (id.isEmpty()) {
            throw new CorruptBatchException("the latest-batch pointer " + path(OutputLayout.LATEST_POINTER)
                    + " does not hold a batch id");
        }
        return id;
    }

    /**
     * One committed batch, or null when no such batch directory exists.
     *
     * @throws CorruptBatchException when the data file is not the contract's CSV
     * @throws IOException when the root cannot be read
     */
    public CommittedBatch readBatch(long batchId) throws IOException {
        Path dataFile = path(OutputLayout.batchDataFile(batchId));
        FileStatus status;
        try {
            status = fs.getFileStatus(dataFile);
        } catch (FileNotFoundException e) {
            return null;
        }
        if (status.getLen() > MAX_DATA_FILE_BYTES) {
            throw new CorruptBatchException(dataFile + " is " + status.getLen() + " bytes, more than a batch holds");
        }
        List<BatchRow> rows = readLines(dataFile, BatchRow.CSV_HEADER, BatchRow::parseCsvLine);
        return new CommittedBatch(batchId, Instant.ofEpochMilli(status.getModificationTime()), rows);
    }

    /**
     * The records a batch quarantined; empty when it quarantined none (it then has no quarantine file).
     *
     * @throws CorruptBatchException when a line is not a quarantine record
     */
    public List<QuarantineRecord> readQuarantine(long batchId) throws IOException {
        List<QuarantineRecord> records = new ArrayList<>();
        readQuarantine(batchId, records::add);
        return records;
    }

    /**
     * Hands each record a batch quarantined to {@code consumer}, part by part, without holding them all.
     *
     * @throws CorruptBatchException when a line is not a quarantine record
     */
    public void readQuarantine(long batchId, Consumer<QuarantineRecord> consumer) throws IOException {
        FileStatus[] parts;
        try {
            parts = fs.listStatus(path(OutputLayout.quarantineDir(batchId)), candidate ->
                    !candidate.getName().startsWith("_") && candidate.getName().endsWith(OutputLayout.QUARANTINE_PART_SUFFIX));
        } catch (FileNotFoundException e) {
            return;
        }
        Arrays.sort(parts, Comparator.comparing(part -> part.getPath().getName()));
        for (FileStatus part : parts) {
            forEachLine(part.getPath(), null, QuarantineRecord::parseJsonLine, consumer);
        }
    }

    /** The input batch {@code batchId} recorded ({@link BatchInput}), or null when it has none. */
    public BatchInput readInput(long batchId) throws IOException {
        try (FSDataInputStream in = fs.open(path(OutputLayout.batchDir(batchId) + "/" + OutputLayout.INPUT_FILE))) {
            return BatchInput.parse(new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            return null;
        } catch (IllegalArgumentException e) {
            throw new CorruptBatchException("the input record of batch " + batchId + " is unreadable: " + e.getMessage());
        }
    }

    /** The ids of every committed batch directory, in id order (a listing of {@code batches/}). */
    public List<Long> listCommittedBatchIds() throws IOException {
        return listBatchIds(OutputLayout.BATCHES_DIR);
    }

    /** The ids of every batch that quarantined records, in id order (a listing of {@code quarantine/}). */
    public List<Long> listQuarantinedBatchIds() throws IOException {
        return listBatchIds(OutputLayout.QUARANTINE_DIR);
    }

    /** A cheap round trip to the NameNode (or the local disk): does the root answer at all. */
    public void probe() throws IOException {
        fs.exists(new Path(root));
    }

    /** Parses each non-blank line after the {@code header} (none when null); a bad line is a corrupt file. */
    private <T> List<T> readLines(Path file, String header, Function<String, T> parser) throws IOException {
        List<T> parsed = new ArrayList<>();
        forEachLine(file, header, parser, parsed::add);
        return parsed;
    }

    private <T> void forEachLine(Path file, String header, Function<String, T> parser, Consumer<T> consumer)
            throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            if (header != null) {
                String first = reader.readLine();
                if (first == null || !first.trim().equals(header)) {
                    throw new CorruptBatchException(file + " does not start with the header " + header);
                }
            }
            String line;
            int lineNumber = header == null ? 0 : 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    consumer.accept(parser.apply(line.trim()));
                } catch (IllegalArgumentException e) {
                    throw new CorruptBatchException(file + " line " + lineNumber + ": " + e.getMessage());
                }
            }
        } catch (ChecksumException e) {
            throw new CorruptBatchException(file + " fails its checksum: " + e.getMessage());
        }
    }

    private List<Long> listBatchIds(String area) throws IOException {
        List<Long> ids = new ArrayList<>();
        FileStatus[] entries;
        try {
            entries = fs.listStatus(path(area));
        } catch (FileNotFoundException e) {
            return ids;
        }
        for (FileStatus entry : entries) {
            OutputLayout.parseBatchDirName(entry.getPath().getName()).ifPresent(ids::add);
        }
        ids.sort(null);
        return ids;
    }

    private Path path(String relative) {
        return new Path(root + "/" + relative);
    }

    @Override
    public void close() throws IOException {
        if (ownsFileSystem) {
            fs.close();
        }
    }
}
