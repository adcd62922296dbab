package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.store.BatchInput;
import dev.stockstream.store.BatchReader;
import dev.stockstream.store.CommittedBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.LongStream;
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

    /** The input each committed batch recorded, by batch id. */
    TreeMap<Long, BatchInput> inputs() {
        TreeMap<Long, BatchInput> inputs = new TreeMap<>();
        for (long id : unchecked(batches::listCommittedBatchIds)) {
            inputs.put(id, unchecked(() -> batches.readInput(id)));
        }
        return inputs;
    }

    /**
     * Checks what exactly once leaves behind: batch ids 0 to the last without a gap, each batch reading
     * each partition from where the batch before it stopped (so no record is read twice or skipped),
     * all of them together reading the topic up to {@code endOffsets}, and the pointer naming the last.
     */
    void assertExactlyOnce(Map<Integer, Long> endOffsets) {
        TreeMap<Long, BatchInput> inputs = inputs();
        assertThat(inputs.keySet()).as("batch ids").containsExactlyElementsOf(
                LongStream.rangeClosed(0, inputs.lastKey()).boxed().toList());
        Map<Integer, Long> next = new TreeMap<>();
        inputs.forEach((id, input) -> {
            assertThat(input).as("input record of batch %d", id).isNotNull();
            input.partitions().forEach((partition, range) -> {
                assertThat(range.from())
                        .as("batch %d reads partition %d from where batch %d stopped", id, partition, id - 1)
                        .isEqualTo(next.getOrDefault(partition, 0L));
                next.put(partition, range.until());
            });
        });
        assertThat(next).as("offsets read by all batches").isEqualTo(endOffsets);
        assertThat(latestPointer()).hasValue(inputs.lastKey());
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

    /** Files and directories under a path of the root, itself included. */
    long objects(String relative) {
        return unchecked(() -> {
            var summary = fs.getContentSummary(new Path(root, relative));
            return summary.getFileCount() + summary.getDirectoryCount();
        });
    }

    /** Deletes a file or a whole directory of the root. */
    void delete(String relative) {
        unchecked(() -> fs.delete(new Path(root, relative), true));
    }

    /** Replaces a file of the root with {@code content}, as an operator's slip would. */
    void write(String relative, String content) {
        unchecked(() -> {
            try (var out = fs.create(new Path(root, relative), true)) {
                out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return null;
        });
    }

    /** Copies a directory of the root to {@code target} on the same file system. */
    void copyTo(String relative, String target) {
        unchecked(() -> org.apache.hadoop.fs.FileUtil.copy(fs, new Path(root, relative), fs, new Path(target), false,
                fs.getConf()));
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
