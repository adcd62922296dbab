package dev.stockstream.store;

import static dev.stockstream.store.EmbeddedHdfsExtension.fs;
import static dev.stockstream.store.EmbeddedHdfsExtension.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The commit protocol of one batch on a real HDFS (and on a local file: root). */
@ExtendWith(EmbeddedHdfsExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BatchWriterTest {

    private static final long T0 = 1_732_406_400_000L;

    @Test
    void aBatchIsCommittedAsOneCompleteDirectoryAndThePointerNamesIt() throws Exception {
        URI root = root("writer-commit");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());

        writer.commit(0, List.of(row(0, "AAPL", 1.5)), List.of());

        BatchReader output = new BatchReader(fs(), root);
        assertThat(output.readBatch(0).rows()).containsExactly(row(0, "AAPL", 1.5));
        assertThat(names(root, OutputLayout.batchDir(0))).containsExactlyInAnyOrder(
                OutputLayout.DATA_FILE, OutputLayout.SUCCESS_MARKER);
        assertThat(names(root, OutputLayout.BATCHES_DIR)).containsExactlyInAnyOrder(
                OutputLayout.batchDirName(0), "_LATEST");
        assertThat(output.latestBatchId()).hasValue(0);
        assertThat(writer.latestBatchId()).hasValue(0);
    }

    @Test
    void aReplayedBatchIdKeepsTheDirectoryOfItsFirstCommit() throws Exception {
        URI root = root("writer-replay");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        QuarantineRecord bad = new QuarantineRecord(4, "t", 0, 9, RejectReason.BAD_PRICE, "price must be > 0", "{}");

        writer.commit(4, List.of(row(4, "IBM", 10.0)), List.of(bad));
        writer.commit(4, List.of(row(4, "IBM", 10.0)), List.of(bad));

        BatchReader output = new BatchReader(fs(), root);
        assertThat(output.listCommittedBatchIds()).containsExactly(4L);
        assertThat(output.readBatch(4).rows()).containsExactly(row(4, "IBM", 10.0));
        assertThat(output.readQuarantine(4)).containsExactly(bad);
        assertThat(names(root, OutputLayout.BATCHES_DIR)).noneMatch(name -> name.startsWith(OutputLayout.TEMP_PREFIX));
        assertThat(names(root, OutputLayout.QUARANTINE_DIR)).containsExactly(OutputLayout.batchDirName(4));
    }

    @Test
    void thePointerNeverMovesBackToAnOlderBatch() throws Exception {
        URI root = root("writer-pointer");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());

        writer.commit(7, List.of(row(7, "IBM", 1.0)), List.of());
        writer.commit(8, List.of(row(8, "IBM", 2.0)), List.of());
        writer.commit(7, List.of(row(7, "IBM", 1.0)), List.of());
        new BatchWriter(root, EmbeddedHdfs.clientConfiguration()).commit(6, List.of(row(6, "IBM", 0.5)), List.of());

        assertThat(new BatchReader(fs(), root).latestBatchId()).hasValue(8);
    }

    @Test
    void aBatchWithoutValidTicksStillGetsAHeaderOnlyCsvAndItsQuarantine() throws Exception {
        URI root = root("writer-empty");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        QuarantineRecord bad = new QuarantineRecord(0, "t", 1, 2, RejectReason.EMPTY_VALUE, "no value", null);

        writer.commit(0, List.of(), List.of(bad));

        BatchReader output = new BatchReader(fs(), root);
        assertThat(output.readBatch(0).rows()).isEmpty();
        assertThat(output.readQuarantine(0)).containsExactly(bad);
        assertThat(output.latestBatchId()).hasValue(0);
    }

    @Test
    void temporaryDirectoriesLeftByADeadAttemptAreRemovedAtStartUp() throws Exception {
        URI root = root("writer-leftovers");
        fs().mkdirs(new org.apache.hadoop.fs.Path(root + "/" + OutputLayout.tempBatchDir(3, "dead")));
        fs().mkdirs(new org.apache.hadoop.fs.Path(root + "/" + OutputLayout.tempQuarantineDir(3, "dead")));
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());

        writer.removeAbandonedAttempts();

        assertThat(names(root, OutputLayout.BATCHES_DIR)).isEmpty();
        assertThat(names(root, OutputLayout.QUARANTINE_DIR)).isEmpty();
    }

    @Test
    void aLocalFileRootFollowsTheSameLayout(@TempDir Path dir) throws Exception {
        BatchWriter writer = new BatchWriter(URI.create("file:" + dir.toAbsolutePath()), EmbeddedHdfs.clientConfiguration());

        writer.commit(0, List.of(row(0, "AAPL", 3.0)), List.of());
        writer.commit(1, List.of(row(1, "AAPL", 4.0)), List.of());

        assertThat(Files.readString(dir.resolve(OutputLayout.LATEST_POINTER))).isEqualTo(OutputLayout.pointerContent(1));
        assertThat(Files.readAllLines(dir.resolve(OutputLayout.batchDataFile(1))))
                .containsExactly(BatchRow.CSV_HEADER, row(1, "AAPL", 4.0).toCsvLine());
        assertThat(Files.exists(dir.resolve(OutputLayout.batchDir(0)).resolve(OutputLayout.SUCCESS_MARKER))).isTrue();
    }

    /** Names directly under a folder of the output root; empty if it does not exist yet. */
    private static List<String> names(URI root, String relative) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root + "/" + relative);
        List<String> names = new ArrayList<>();
        if (fs().exists(dir)) {
            for (FileStatus status : fs().listStatus(dir)) {
                names.add(status.getPath().getName());
            }
        }
        return names;
    }

    static BatchRow row(long batchId, String symbol, double price) {
        return new BatchRow(batchId, T0, symbol, price, price, price, price, 1, 100);
    }
}
