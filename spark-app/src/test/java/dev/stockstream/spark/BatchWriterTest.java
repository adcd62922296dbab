package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The commit protocol of one batch on a real HDFS (and on a local file: root). */
@ExtendWith(Engines.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BatchWriterTest {

    private static final long T0 = 1_732_406_400_000L;

    @Test
    void aBatchIsCommittedAsOneCompleteDirectoryAndThePointerNamesIt() throws Exception {
        URI root = Engines.outputRoot("writer-commit");
        BatchWriter writer = new BatchWriter(root, new Configuration());

        writer.commit(0, List.of(row(0, "AAPL", 1.5)), List.of());

        try (OutputReader output = new OutputReader(root)) {
            assertThat(output.rows(0)).containsExactly(row(0, "AAPL", 1.5));
            assertThat(output.names(OutputLayout.batchDir(0))).containsExactlyInAnyOrder(
                    OutputLayout.DATA_FILE, OutputLayout.SUCCESS_MARKER);
            assertThat(output.names(OutputLayout.BATCHES_DIR)).containsExactlyInAnyOrder(
                    OutputLayout.batchDirName(0), "_LATEST");
            assertThat(output.latestPointer()).hasValue(0);
            assertThat(writer.latestBatchId()).hasValue(0);
        }
    }

    @Test
    void aReplayedBatchIdKeepsTheDirectoryOfItsFirstCommit() throws Exception {
        URI root = Engines.outputRoot("writer-replay");
        BatchWriter writer = new BatchWriter(root, new Configuration());
        QuarantineRecord bad = new QuarantineRecord(4, "t", 0, 9, RejectReason.BAD_PRICE, "price must be > 0", "{}");

        writer.commit(4, List.of(row(4, "IBM", 10.0)), List.of(bad));
        writer.commit(4, List.of(row(4, "IBM", 10.0)), List.of(bad));

        try (OutputReader output = new OutputReader(root)) {
            assertThat(output.batches()).containsOnlyKeys(4L);
            assertThat(output.rows(4)).containsExactly(row(4, "IBM", 10.0));
            assertThat(output.quarantine(4)).containsExactly(bad);
            assertThat(output.names(OutputLayout.BATCHES_DIR)).noneMatch(name -> name.startsWith(OutputLayout.TEMP_PREFIX));
            assertThat(output.names(OutputLayout.QUARANTINE_DIR)).containsExactly(OutputLayout.batchDirName(4));
        }
    }

    @Test
    void thePointerNeverMovesBackToAnOlderBatch() throws Exception {
        URI root = Engines.outputRoot("writer-pointer");
        BatchWriter writer = new BatchWriter(root, new Configuration());

        writer.commit(7, List.of(row(7, "IBM", 1.0)), List.of());
        writer.commit(8, List.of(row(8, "IBM", 2.0)), List.of());
        writer.commit(7, List.of(row(7, "IBM", 1.0)), List.of());
        new BatchWriter(root, new Configuration()).commit(6, List.of(row(6, "IBM", 0.5)), List.of());

        try (OutputReader output = new OutputReader(root)) {
            assertThat(output.latestPointer()).hasValue(8);
        }
    }

    @Test
    void aBatchWithoutValidTicksStillGetsAHeaderOnlyCsvAndItsQuarantine() throws Exception {
        URI root = Engines.outputRoot("writer-empty");
        BatchWriter writer = new BatchWriter(root, new Configuration());
        QuarantineRecord bad = new QuarantineRecord(0, "t", 1, 2, RejectReason.EMPTY_VALUE, "no value", null);

        writer.commit(0, List.of(), List.of(bad));

        try (OutputReader output = new OutputReader(root)) {
            assertThat(output.rows(0)).isEmpty();
            assertThat(output.quarantine(0)).containsExactly(bad);
            assertThat(output.latestPointer()).hasValue(0);
        }
    }

    @Test
    void temporaryDirectoriesLeftByADeadAttemptAreRemovedAtStartUp() throws Exception {
        URI root = Engines.outputRoot("writer-leftovers");
        try (FileSystem fs = FileSystem.newInstance(root, new Configuration())) {
            fs.mkdirs(new org.apache.hadoop.fs.Path(root + "/" + OutputLayout.tempBatchDir(3, "dead")));
            fs.mkdirs(new org.apache.hadoop.fs.Path(root + "/" + OutputLayout.tempQuarantineDir(3, "dead")));
        }
        BatchWriter writer = new BatchWriter(root, new Configuration());

        writer.removeAbandonedAttempts();

        try (OutputReader output = new OutputReader(root)) {
            assertThat(output.names(OutputLayout.BATCHES_DIR)).isEmpty();
            assertThat(output.names(OutputLayout.QUARANTINE_DIR)).isEmpty();
        }
    }

    @Test
    void aLocalFileRootFollowsTheSameLayout(@TempDir Path dir) throws Exception {
        BatchWriter writer = new BatchWriter(URI.create("file:" + dir.toAbsolutePath()), new Configuration());

        writer.commit(0, List.of(row(0, "AAPL", 3.0)), List.of());
        writer.commit(1, List.of(row(1, "AAPL", 4.0)), List.of());

        assertThat(Files.readString(dir.resolve(OutputLayout.LATEST_POINTER))).isEqualTo(OutputLayout.pointerContent(1));
        assertThat(Files.readAllLines(dir.resolve(OutputLayout.batchDataFile(1))))
                .containsExactly(BatchRow.CSV_HEADER, row(1, "AAPL", 4.0).toCsvLine());
        assertThat(Files.exists(dir.resolve(OutputLayout.batchDir(0)).resolve(OutputLayout.SUCCESS_MARKER))).isTrue();
    }

    private static BatchRow row(long batchId, String symbol, double price) {
        return new BatchRow(batchId, T0, symbol, price, price, price, price, 1, 100);
    }
}
