package dev.stockstream.store;

import static dev.stockstream.store.EmbeddedHdfsExtension.fs;
import static dev.stockstream.store.EmbeddedHdfsExtension.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import dev.stockstream.model.Rejection;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commit protocol of one batch on a real HDFS (and on a local file: root). */
@ExtendWith(EmbeddedHdfsExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BatchWriterTest {

    private static final long T0 = 1_732_406_400_000L;

    @Test
    void aBatchIsCommittedAsOneCompleteDirectoryAndThePointerNamesIt() throws Exception {
        URI root = root("writer-commit");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());

        writer.commit(0, input(0), List.of(row(0, "AAPL", 1.5)), List.of());

        BatchReader output = new BatchReader(fs(), root);
        assertThat(output.readBatch(0).rows()).containsExactly(row(0, "AAPL", 1.5));
        assertThat(names(root, OutputLayout.batchDir(0))).containsExactlyInAnyOrder(
                OutputLayout.DATA_FILE, OutputLayout.INPUT_FILE, OutputLayout.SUCCESS_MARKER);
        assertThat(output.readInput(0)).isEqualTo(input(0));
        assertThat(names(root, OutputLayout.BATCHES_DIR)).containsExactlyInAnyOrder(
                OutputLayout.batchDirName(0), "_LATEST");
        assertThat(output.latestBatchId()).hasValue(0);
        assertThat(writer.latestBatchId()).hasValue(0);
    }

    @Test
    void aReplayedBatchIdKeepsTheDirectoryOfItsFirstCommit() throws Exception {
        URI root = root("writer-replay");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        QuarantineRecord bad = QuarantineRecord.of(4, "t", 0, 9, new Rejection(RejectReason.BAD_PRICE, "price must be > 0"), "{}".getBytes(StandardCharsets.UTF_8));

        writer.commit(4, input(4), List.of(row(4, "IBM", 10.0)), List.of(bad));
        writer.commit(4, input(4), List.of(row(4, "IBM", 10.0)), List.of(bad));

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

        writer.commit(7, input(7), List.of(row(7, "IBM", 1.0)), List.of());
        writer.commit(8, input(8), List.of(row(8, "IBM", 2.0)), List.of());
        writer.commit(7, input(7), List.of(row(7, "IBM", 1.0)), List.of());
        new BatchWriter(root, EmbeddedHdfs.clientConfiguration()).commit(6, input(6), List.of(row(6, "IBM", 0.5)), List.of());

        assertThat(new BatchReader(fs(), root).latestBatchId()).hasValue(8);
    }

    @Test
    void aBatchWithoutValidTicksStillGetsAHeaderOnlyCsvAndItsQuarantine() throws Exception {
        URI root = root("writer-empty");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        QuarantineRecord bad = QuarantineRecord.of(0, "t", 1, 2, new Rejection(RejectReason.EMPTY_VALUE, "no value"), null);

        writer.commit(0, input(0), List.of(), List.of(bad));

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

        writer.recover();

        assertThat(names(root, OutputLayout.BATCHES_DIR)).isEmpty();
        assertThat(names(root, OutputLayout.QUARANTINE_DIR)).isEmpty();
    }

    @Test
    void aLocalFileRootFollowsTheSameLayout(@TempDir Path dir) throws Exception {
        BatchWriter writer = new BatchWriter(URI.create("file:" + dir.toAbsolutePath()), EmbeddedHdfs.clientConfiguration());

        writer.commit(0, input(0), List.of(row(0, "AAPL", 3.0)), List.of());
        writer.commit(1, input(1), List.of(row(1, "AAPL", 4.0)), List.of());

        assertThat(Files.readString(dir.resolve(OutputLayout.LATEST_POINTER))).isEqualTo(OutputLayout.pointerContent(1));
        assertThat(Files.readAllLines(dir.resolve(OutputLayout.batchDataFile(1))))
                .containsExactly(BatchRow.CSV_HEADER, row(1, "AAPL", 4.0).toCsvLine());
        assertThat(Files.exists(dir.resolve(OutputLayout.batchDir(0)).resolve(OutputLayout.SUCCESS_MARKER))).isTrue();
    }

    @Test
    void aBatchIdCommittedFromOtherInputStopsTheWriterWithWhatDisagrees() throws Exception {
        URI root = root("writer-conflict");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        writer.commit(3, input(3), List.of(row(3, "IBM", 1.0)), List.of());
        BatchInput otherQuery = new BatchInput("another-query", "t", Map.of(0, new OffsetRange(30, 40)));

        assertThatThrownBy(() -> writer.begin(3, otherQuery))
                .isInstanceOf(OutputConflictException.class)
                .hasMessageContaining("batch 3")
                .hasMessageContaining(input(3).describe())
                .hasMessageContaining(otherQuery.describe())
                .hasMessageContaining("STOCK_RESUME_FROM_OUTPUT")
                .hasMessageNotContaining("\n");
        assertThat(writer.begin(3, input(3)).alreadyCommitted()).isTrue();
        assertThat(new BatchReader(fs(), root).readBatch(3).rows()).containsExactly(row(3, "IBM", 1.0));
    }

    @Test
    void aQuarantineLeftWithoutItsBatchByOtherInputIsReplacedNotKept() throws Exception {
        URI root = root("writer-orphan-quarantine");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        BatchWriter.Attempt crashed = writer.begin(2, new BatchInput("old-query", "t", Map.of(0, new OffsetRange(0, 5))));
        try (QuarantinePart part = QuarantinePart.open(crashed.quarantineDir(), EmbeddedHdfs.clientConfiguration(), 2, 0, 0)) {
            part.write(bad(2, 1, "old"));
        }
        fs().rename(new org.apache.hadoop.fs.Path(crashed.quarantineDir()),
                new org.apache.hadoop.fs.Path(root + "/" + OutputLayout.quarantineDir(2)));
        writeFile(root, OutputLayout.quarantineDir(2) + "/" + OutputLayout.INPUT_FILE,
                new BatchInput("old-query", "t", Map.of(0, new OffsetRange(0, 5))).toJson());

        writer.commit(2, input(2), List.of(row(2, "IBM", 1.0)), List.of(bad(2, 7, "new")));

        assertThat(new BatchReader(fs(), root).readQuarantine(2)).containsExactly(bad(2, 7, "new"));
    }

    @Test
    void eachTaskStreamsItsOwnPartAndARetriedTaskReplacesItsEarlierAttempt() throws Exception {
        URI root = root("writer-parts");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        BatchWriter.Attempt attempt = writer.begin(5, input(5));
        try (QuarantinePart task0 = QuarantinePart.open(attempt.quarantineDir(), EmbeddedHdfs.clientConfiguration(), 5, 0, 0)) {
            task0.write(bad(5, 1, "a"));
            task0.write(bad(5, 2, "b"));
        }
        QuarantinePart failedTask1 = QuarantinePart.open(attempt.quarantineDir(), EmbeddedHdfs.clientConfiguration(), 5, 1, 1);
        failedTask1.write(bad(5, 10, "lost with its task"));
        try (QuarantinePart retriedTask1 = QuarantinePart.open(attempt.quarantineDir(), EmbeddedHdfs.clientConfiguration(), 5, 1, 2)) {
            retriedTask1.write(bad(5, 10, "c"));
        }

        attempt.commit(List.of());

        assertThat(new BatchReader(fs(), root).readQuarantine(5)).containsExactly(bad(5, 1, "a"), bad(5, 2, "b"), bad(5, 10, "c"));
        assertThat(names(root, OutputLayout.quarantineDir(5))).containsExactlyInAnyOrder(OutputLayout.quarantinePartName(0),
                OutputLayout.quarantinePartName(1), OutputLayout.INPUT_FILE, OutputLayout.SUCCESS_MARKER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "99999999999999999999", "9000", ""})
    void aPointerThatNamesNoCommittedBatchIsRewrittenFromTheBatchesThatExist(String pointer) throws Exception {
        URI root = root("writer-pointer-repair-" + Math.abs(pointer.hashCode()));
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        writer.commit(0, input(0), List.of(row(0, "IBM", 1.0)), List.of());
        writer.commit(1, input(1), List.of(row(1, "IBM", 2.0)), List.of());
        writeFile(root, OutputLayout.LATEST_POINTER, pointer);

        BatchWriter restarted = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        assertThat(restarted.recover()).hasValue(1);

        assertThat(new BatchReader(fs(), root).latestBatchId()).hasValue(1);
        restarted.commit(2, input(2), List.of(row(2, "IBM", 3.0)), List.of());
        assertThat(new BatchReader(fs(), root).latestBatchId()).hasValue(2);
    }

    @Test
    void aMissingPointerIsRestoredAndAPointerWithoutAnyBatchRemoved() throws Exception {
        URI withBatches = root("writer-pointer-missing");
        BatchWriter writer = new BatchWriter(withBatches, EmbeddedHdfs.clientConfiguration());
        writer.commit(4, input(4), List.of(row(4, "IBM", 1.0)), List.of());
        fs().delete(new org.apache.hadoop.fs.Path(withBatches + "/" + OutputLayout.LATEST_POINTER), false);
        assertThat(new BatchWriter(withBatches, EmbeddedHdfs.clientConfiguration()).recover()).hasValue(4);
        assertThat(new BatchReader(fs(), withBatches).latestBatchId()).hasValue(4);

        URI empty = root("writer-pointer-alone");
        writeFile(empty, OutputLayout.LATEST_POINTER, "12\n");
        assertThat(new BatchWriter(empty, EmbeddedHdfs.clientConfiguration()).recover()).isEmpty();
        assertThat(new BatchReader(fs(), empty).latestBatchId()).isEmpty();
    }

    private static void writeFile(URI root, String relative, String content) throws IOException {
        try (var out = fs().create(new org.apache.hadoop.fs.Path(root + "/" + relative), true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    static BatchInput input(long batchId) {
        return new BatchInput("query-1", "t", Map.of(0, new OffsetRange(batchId * 10, batchId * 10 + 10),
                1, new OffsetRange(batchId * 5, batchId * 5 + 5)));
    }

    private static QuarantineRecord bad(long batchId, long offset, String value) {
        return QuarantineRecord.of(batchId, "t", 0, offset, new Rejection(RejectReason.UNPARSEABLE_JSON, "not JSON"),
                value.getBytes(StandardCharsets.UTF_8));
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
