package dev.stockstream.spark;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads the job's output back the way a user of the layout would, and checks each file's shape. */
final class OutputReader implements AutoCloseable {

    private final FileSystem fs;
    private final Path root;

    OutputReader(URI root) {
        try {
            this.fs = FileSystem.newInstance(root, new Configuration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.root = new Path(root);
    }

    /** Every committed batch id with its rows, in id order. */
    TreeMap<Long, List<BatchRow>> batches() {
        TreeMap<Long, List<BatchRow>> batches = new TreeMap<>();
        for (String name : names(OutputLayout.BATCHES_DIR)) {
            OptionalLong id = OutputLayout.parseBatchDirName(name);
            if (id.isPresent()) {
                batches.put(id.getAsLong(), rows(id.getAsLong()));
            }
        }
        return batches;
    }

    /** The rows of a committed batch; fails if the directory is not complete. */
    List<BatchRow> rows(long batchId) {
        if (!exists(OutputLayout.batchDir(batchId) + "/" + OutputLayout.SUCCESS_MARKER)) {
            throw new AssertionError("batch " + batchId + " is visible without " + OutputLayout.SUCCESS_MARKER);
        }
        List<String> lines = lines(OutputLayout.batchDataFile(batchId));
        if (lines.isEmpty() || !lines.get(0).equals(BatchRow.CSV_HEADER)) {
            throw new AssertionError("batch " + batchId + " has no CSV header: " + lines);
        }
        List<BatchRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(BatchRow.parseCsvLine(line));
        }
        return rows;
    }

    List<QuarantineRecord> quarantine(long batchId) {
        String file = OutputLayout.quarantineDir(batchId) + "/" + OutputLayout.QUARANTINE_FILE;
        if (!exists(file)) {
            return List.of();
        }
        return lines(file).stream().map(QuarantineRecord::parseJsonLine).toList();
    }

    /** All quarantined records over all batches. */
    List<QuarantineRecord> allQuarantine() {
        List<QuarantineRecord> all = new ArrayList<>();
        for (String name : names(OutputLayout.QUARANTINE_DIR)) {
            OptionalLong id = OutputLayout.parseBatchDirName(name);
            if (id.isPresent()) {
                all.addAll(quarantine(id.getAsLong()));
            }
        }
        return all;
    }

    OptionalLong latestPointer() {
        if (!exists(OutputLayout.LATEST_POINTER)) {
            return OptionalLong.empty();
        }
        List<String> lines = lines(OutputLayout.LATEST_POINTER);
        return OutputLayout.parsePointer(String.join("\n", lines));
    }

    /** Names directly under a folder of the output root; empty if it does not exist yet. */
    List<String> names(String relative) {
        Path dir = new Path(root, relative);
        try {
            if (!fs.exists(dir)) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (FileStatus status : fs.listStatus(dir)) {
                names.add(status.getPath().getName());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String relative) {
        try {
            fs.delete(new Path(root, relative), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String relative) {
        try {
            return fs.exists(new Path(root, relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(String relative) {
        try (InputStream in = fs.open(new Path(root, relative))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return List.of();
            }
            if (!text.endsWith("\n")) {
                throw new AssertionError(relative + " is cut short: its last line has no newline");
            }
            return List.of(text.substring(0, text.length() - 1).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
