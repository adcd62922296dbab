package dev.stockstream.spark;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.store.BatchReader;
import dev.stockstream.store.CommittedBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The job's output read back through the layout's own {@link BatchReader}, with the checks a test
 * adds: a visible batch directory is complete, and the checkpoint files beside it.
 */
final class OutputReader implements AutoCloseable {

    private final FileSystem fs;
    private final Path root;
    private final BatchReader batches;

    OutputReader(URI root) {
        try {
            this.fs = FileSystem.newInstance(root, new Configuration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.root = new Path(root);
        this.batches = new BatchReader(fs, root);
    }

    /** Every committed batch id with its rows, in id order. */
    TreeMap<Long, List<BatchRow>> batches() {
        TreeMap<Long, List<BatchRow>> all = new TreeMap<>();
        for (long id : unchecked(batches::listCommittedBatchIds)) {
            all.put(id, rows(id));
        }
        return all;
    }

    /** The rows of a committed batch; fails if the directory is not complete. */
    List<BatchRow> rows(long batchId) {
        if (!exists(OutputLayout.batchDir(batchId) + "/" + OutputLayout.SUCCESS_MARKER)) {
            throw new AssertionError("batch " + batchId + " is visible without " + OutputLayout.SUCCESS_MARKER);
        }
        CommittedBatch batch = unchecked(() -> batches.readBatch(batchId));
        if (batch == null) {
            throw new AssertionError("batch " + batchId + " has no " + OutputLayout.DATA_FILE);
        }
        if (!endsWithNewline(OutputLayout.batchDataFile(batchId))) {
            throw new AssertionError(OutputLayout.batchDataFile(batchId) + " is cut short: its last line has no newline");
        }
        return batch.rows();
    }

    List<QuarantineRecord> quarantine(long batchId) {
        return unchecked(() -> batches.readQuarantine(batchId));
    }

    /** All quarantined records over all batches. */
    List<QuarantineRecord> allQuarantine() {
        List<QuarantineRecord> all = new ArrayList<>();
        for (long id : unchecked(batches::listQuarantinedBatchIds)) {
            all.addAll(quarantine(id));
        }
        return all;
    }

    OptionalLong latestPointer() {
        return unchecked(batches::latestBatchId);
    }

    /** Names directly under a folder of the output root; empty if it does not exist yet. */
    List<String> names(String relative) {
        Path dir = new Path(root, relative);
        return unchecked(() -> {
            List<String> names = new ArrayList<>();
            if (fs.exists(dir)) {
                for (FileStatus status : fs.listStatus(dir)) {
                    names.add(status.getPath().getName());
                }
            }
            return names;
        });
    }

    void delete(String relative) {
        unchecked(() -> fs.delete(new Path(root, relative), false));
    }

    boolean exists(String relative) {
        return unchecked(() -> fs.exists(new Path(root, relative)));
    }

    private boolean endsWithNewline(String relative) {
        Path file = new Path(root, relative);
        return unchecked(() -> {
            long length = fs.getFileStatus(file).getLen();
            try (FSDataInputStream in = fs.open(file)) {
                in.seek(length - 1);
                return in.read() == '\n';
            }
        });
    }

    private interface HdfsCall<T> {
        T call() throws IOException;
    }

    private static <T> T unchecked(HdfsCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
