package dev.stockstream.visualizer.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.OutputLayout;
import dev.stockstream.store.BatchReader;
import dev.stockstream.store.BatchWriter;
import dev.stockstream.visualizer.TestBatches;
import dev.stockstream.visualizer.config.OutputRoot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history reader over a {@code file:} root (the same code path as {@code hdfs://}). */
class HistoryReaderTest {

    private static final long T0 = 1_732_406_400_000L;

    @TempDir
    Path dir;
    private SimpleMeterRegistry registry;
    private URI root;
    private BatchReader files;
    private HistoryReader history;
    private BatchWriter writer;

    @BeforeEach
    void open() throws Exception {
        registry = new SimpleMeterRegistry();
        root = OutputRoot.checked(dir.toUri());
        files = HdfsClient.open(root, Duration.ofSeconds(2));
        history = new HistoryReader(files, 3, 100, registry, Clock.systemUTC());
        writer = new BatchWriter(root, new Configuration());
    }

    @AfterEach
    void close() throws Exception {
        files.close();
    }

    private void commit(long id) {
        TestBatches.commit(writer, id, TestBatches.rows(id, T0 + id * 1000, "AAPL", 100.0 + id, "IBM", 50.0 + id));
    }

    /** A data file no writer makes, written straight. */
    private void writeDataFile(long id, String content) throws Exception {
        try (FileSystem fs = FileSystem.newInstance(root, new Configuration())) {
            TestBatches.writeDataFile(fs, root, id, content);
        }
    }

    private double counter(String name, String... tags) {
        return registry.counter(name, tags).count();
    }

    @Test
    void beforeTheFirstBatchTheStateIsWaiting() {
        HistorySnapshot read = history.read(5);
        assertThat(read.state()).isEqualTo(HistorySnapshot.State.WAITING);
        assertThat(read.batches()).isEmpty();
    }

    @Test
    void readsTheNewestNBatchesFromThePointerDownwardNewestFirst() {
        for (long id = 0; id < 8; id++) {
            commit(id);
        }
        HistorySnapshot read = history.read(3);
        assertThat(read.state()).isEqualTo(HistorySnapshot.State.OK);
        assertThat(read.batchIds()).containsExactly(7L, 6L, 5L);
        assertThat(read.latest().orElseThrow().rows()).extracting(row -> row.symbol() + "=" + row.avgPrice())
                .containsExactly("AAPL=107.0", "IBM=57.0");
        assertThat(history.read(100).batchIds()).hasSize(8).startsWith(7L).endsWith(0L);
    }

    @Test
    void aBatchIsReadOnceThenServedFromTheCache() {
        for (long id = 0; id < 5; id++) {
            commit(id);
        }
        history.read(5);
        history.read(5);
        history.read(5);
        assertThat(counter("visualizer.batches.read", "outcome", "ok")).isEqualTo(5);
        assertThat(counter("visualizer.batch.cache.hits")).isEqualTo(10);
        commit(5);
        assertThat(history.read(5).batchIds()).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(counter("visualizer.batches.read", "outcome", "ok")).isEqualTo(6);
    }

    @Test
    void onlyThePointerIsReadWhenNothingChanged() throws Exception {
        for (long id = 0; id < 3; id++) {
            commit(id);
        }
        history.read(3);
        // a batch rewritten in place would be a contract violation; the cache proves it is not re-read
        Files.writeString(dir.resolve(OutputLayout.batchDataFile(2)), "garbage", StandardCharsets.UTF_8);
        assertThat(history.read(3).state()).isEqualTo(HistorySnapshot.State.OK);
        assertThat(history.read(3).batchIds()).containsExactly(2L, 1L, 0L);
    }

    @Test
    void missingIdsAreSkippedWithinTheBoundedLookBack() {
        commit(0);
        commit(4);
        commit(9);
        HistorySnapshot read = history.read(5);
        // maxMissing = 3: 8, 7, 6 are skipped; the fourth missing id (5) ends the look-back before 4
        assertThat(read.batchIds()).containsExactly(9L);
        assertThat(read.skipped()).containsExactly(8L, 7L, 6L, 5L);
        assertThat(counter("visualizer.batches.read", "outcome", "missing")).isEqualTo(4);
        history.read(5);
        assertThat(counter("visualizer.batches.read", "outcome", "missing")).as("missing ids are cached").isEqualTo(4);
    }

    @Test
    void gapsShorterThanTheLookBackAreSkipped() {
        commit(0);
        commit(1);
        commit(4);
        HistorySnapshot read = history.read(3);
        assertThat(read.batchIds()).containsExactly(4L, 1L, 0L);
        assertThat(read.skipped()).containsExactly(3L, 2L);
    }

    @Test
    void aCorruptDataFileIsSkippedAndCounted() throws Exception {
        commit(0);
        commit(1);
        writeDataFile(2, "batch_id,batch_time,symbol,avg_price,min_price,max_price,vwap,tick_count,volume\n"
                + "2,123,AAPL,not-a-number,1,1,1,1,1\n");
        writeDataFile(3, "no header at all\n");
        commit(4);
        HistorySnapshot read = history.read(5);
        assertThat(read.state()).isEqualTo(HistorySnapshot.State.OK);
        assertThat(read.batchIds()).containsExactly(4L, 1L, 0L);
        assertThat(read.skipped()).containsExactly(3L, 2L);
        assertThat(counter("visualizer.batches.read", "outcome", "corrupt")).isEqualTo(2);
    }

    @Test
    void aFileThatFailsItsChecksumIsCorruptNotAnOutage() throws Exception {
        commit(0);
        commit(1);
        // rewritten behind Hadoop's back: the .crc beside it no longer matches
        Files.writeString(dir.resolve(OutputLayout.batchDataFile(1)), "batch_id,something,else\n", StandardCharsets.UTF_8);
        HistorySnapshot read = history.read(5);
        assertThat(read.state()).isEqualTo(HistorySnapshot.State.OK);
        assertThat(read.batchIds()).containsExactly(0L);
        assertThat(read.skipped()).containsExactly(1L);
    }

    @Test
    void aHeaderOnlyBatchIsACommittedBatchWithoutRows() {
        commit(0);
        TestBatches.commit(writer, 1, List.of());
        HistorySnapshot read = history.read(5);
        assertThat(read.batchIds()).containsExactly(1L, 0L);
        assertThat(read.latest().orElseThrow().rows()).isEmpty();
        assertThat(read.latest().orElseThrow().batchTime()).isEmpty();
    }

    @Test
    void aPointerThatIsNotABatchIdIsReportedAndTheLastBatchesKept() throws Exception {
        commit(0);
        history.read(5);
        Files.writeString(dir.resolve(OutputLayout.LATEST_POINTER), "<html>oops</html>", StandardCharsets.UTF_8);
        Files.deleteIfExists(dir.resolve(OutputLayout.BATCHES_DIR).resolve("._LATEST.crc"));
        HistorySnapshot read = history.read(5);
        assertThat(read.state()).isEqualTo(HistorySnapshot.State.POINTER_UNREADABLE);
        assertThat(read.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("_LATEST"));
        assertThat(read.batchIds()).containsExactly(0L);
    }
}
