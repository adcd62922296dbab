package dev.stockstream.store;

import static dev.stockstream.store.BatchWriterTest.row;
import static dev.stockstream.store.EmbeddedHdfsExtension.fs;
import static dev.stockstream.store.EmbeddedHdfsExtension.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import dev.stockstream.model.Rejection;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Reading the layout the writer commits, and refusing what the contract does not allow, on a real HDFS. */
@ExtendWith(EmbeddedHdfsExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BatchReaderTest {

    @Test
    void whatTheWriterCommitsIsReadBackWithItsCommitTime() throws Exception {
        URI root = root("round-trip");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        QuarantineRecord bad = QuarantineRecord.of(1, "t", 0, 3, new Rejection(RejectReason.BAD_SYMBOL, "bad symbol"), "{\"symbol\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Instant before = Instant.now().minus(Duration.ofMinutes(1));

        writer.commit(0, BatchWriterTest.input(0), List.of(row(0, "AAPL", 1.0), row(0, "IBM", 2.0)), List.of());
        writer.commit(1, BatchWriterTest.input(1), List.of(row(1, "AAPL", 3.0)), List.of(bad));

        try (BatchReader reader = BatchReader.open(root, EmbeddedHdfs.clientConfiguration())) {
            assertThat(reader.root()).isEqualTo(root);
            assertThat(reader.latestBatchId()).hasValue(1);
            CommittedBatch first = reader.readBatch(0);
            assertThat(first.id()).isZero();
            assertThat(first.rows()).containsExactly(row(0, "AAPL", 1.0), row(0, "IBM", 2.0));
            assertThat(first.committedAt()).isBetween(before, Instant.now().plus(Duration.ofMinutes(1)));
            assertThat(reader.readBatch(1).rows()).containsExactly(row(1, "AAPL", 3.0));
            assertThat(reader.readQuarantine(0)).isEmpty();
            assertThat(reader.readQuarantine(1)).containsExactly(bad);
            assertThat(reader.listCommittedBatchIds()).containsExactly(0L, 1L);
            assertThat(reader.listQuarantinedBatchIds()).containsExactly(1L);
            reader.probe();
        }
    }

    @Test
    void anEmptyRootHasNoPointerNoBatchAndNoQuarantine() throws Exception {
        BatchReader reader = new BatchReader(fs(), root("empty"));

        assertThat(reader.latestBatchId()).isEmpty();
        assertThat(reader.readBatch(0)).isNull();
        assertThat(reader.readQuarantine(0)).isEmpty();
        assertThat(reader.listCommittedBatchIds()).isEmpty();
        assertThat(reader.listQuarantinedBatchIds()).isEmpty();
        reader.probe();
    }

    @Test
    void aPointerThatIsNotABatchIdIsCorrupt() throws Exception {
        URI notANumber = root("pointer-text");
        write(notANumber, OutputLayout.LATEST_POINTER, "soon\n");
        URI tooLong = root("pointer-long");
        write(tooLong, OutputLayout.LATEST_POINTER, "1".repeat(65));

        assertThatThrownBy(() -> new BatchReader(fs(), notANumber).latestBatchId())
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining(OutputLayout.LATEST_POINTER)
                .hasMessageContaining("does not hold a batch id");
        assertThatThrownBy(() -> new BatchReader(fs(), tooLong).latestBatchId())
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("does not hold a batch id");
    }

    @Test
    void aDataFileWithoutTheHeaderOrWithABadLineIsCorrupt() throws Exception {
        URI root = root("bad-csv");
        write(root, OutputLayout.batchDataFile(0), "symbol,price\nAAPL,1\n");
        write(root, OutputLayout.batchDataFile(1), BatchRow.CSV_HEADER + "\n" + row(1, "AAPL", 1.0).toCsvLine()
                + "\n\n1,2,AAPL,not-a-price,1,1,1,1,1\n");
        BatchReader reader = new BatchReader(fs(), root);

        assertThatThrownBy(() -> reader.readBatch(0))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining(OutputLayout.batchDataFile(0))
                .hasMessageContaining("does not start with the header " + BatchRow.CSV_HEADER);
        assertThatThrownBy(() -> reader.readBatch(1))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining(OutputLayout.batchDataFile(1) + " line 4: bad number in batch row");
    }

    @Test
    void aBadQuarantineLineIsCorrupt() throws Exception {
        URI root = root("bad-quarantine");
        write(root, OutputLayout.quarantineDir(2) + "/" + OutputLayout.QUARANTINE_FILE, "{\"batch_id\":2}\n");

        assertThatThrownBy(() -> new BatchReader(fs(), root).readQuarantine(2))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining(OutputLayout.QUARANTINE_FILE + " line 1: quarantine line has no reason");
    }

    @Test
    void aDataFileLargerThanAnyBatchIsCorruptWithoutBeingRead() throws Exception {
        URI root = root("oversized");
        byte[] megabyte = new byte[1024 * 1024];
        try (OutputStream out = fs().create(path(root, OutputLayout.batchDataFile(0)))) {
            for (int i = 0; i < 17; i++) {
                out.write(megabyte);
            }
        }

        assertThatThrownBy(() -> new BatchReader(fs(), root).readBatch(0))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("more than a batch holds");
    }

    @Test
    void aFileThatFailsItsChecksumIsCorrupt(@TempDir Path dir) throws Exception {
        URI root = URI.create("file:" + dir.toAbsolutePath());
        new BatchWriter(root, new Configuration()).commit(0, BatchWriterTest.input(0), List.of(row(0, "AAPL", 1.0)), List.of());
        Path dataFile = dir.resolve(OutputLayout.batchDataFile(0));
        byte[] bytes = Files.readAllBytes(dataFile);
        bytes[bytes.length - 2] ^= 1;
        Files.write(dataFile, bytes);

        try (BatchReader reader = BatchReader.open(root, new Configuration())) {
            assertThatThrownBy(() -> reader.readBatch(0))
                    .isInstanceOf(CorruptBatchException.class)
                    .hasMessageContaining("fails its checksum");
        }
    }

    @Test
    void aPointerReplacedBetweenItsOpenAndItsReadIsReadAgainFromItsPath() throws Exception {
        URI root = root("pointer-replaced");
        BatchWriter writer = new BatchWriter(root, EmbeddedHdfs.clientConfiguration());
        writer.commit(0, BatchWriterTest.input(0), List.of(row(0, "AAPL", 1.0)), List.of());
        org.apache.hadoop.fs.Path pointer = path(root, OutputLayout.LATEST_POINTER);
        AtomicInteger opens = new AtomicInteger();
        FileSystem replacingAfterTheFirstOpen = new FilterFileSystem(fs()) {
            @Override
            public FSDataInputStream open(org.apache.hadoop.fs.Path file, int bufferSize) throws IOException {
                FSDataInputStream in = super.open(file, bufferSize);
                if (file.equals(pointer) && opens.getAndIncrement() == 0) {
                    try (FSDataInputStream old = super.open(file, bufferSize)) {
                        writer.commit(1, BatchWriterTest.input(1), List.of(row(1, "AAPL", 2.0)), List.of());
                        await().atMost(Duration.ofMinutes(1)).until(() -> !readable(old));
                    }
                }
                return in;
            }
        };

        assertThat(new BatchReader(replacingAfterTheFirstOpen, root).latestBatchId()).hasValue(1);
        assertThat(opens).as("opens of the pointer: the first one's file was gone when it was read").hasValue(2);
    }

    /** Whether the file {@code in} was opened on can still be read: false once HDFS dropped its blocks. */
    private static boolean readable(FSDataInputStream in) {
        try {
            return in.read(0L, new byte[1], 0, 1) == 1;
        } catch (IOException e) {
            return false;
        }
    }

    private static org.apache.hadoop.fs.Path path(URI root, String relative) {
        return new org.apache.hadoop.fs.Path(root + "/" + relative);
    }

    private static void write(URI root, String relative, String content) throws IOException {
        try (OutputStream out = fs().create(path(root, relative))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
