package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import dev.stockstream.model.Rejection;
import dev.stockstream.store.BatchInput;
import dev.stockstream.store.BatchReader;
import dev.stockstream.store.BatchWriter;
import dev.stockstream.store.OffsetRange;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retention and the daily history tables on a real HDFS with real Spark. */
@ExtendWith(KafkaHdfsSparkExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HistoryCompactionTest {

    private static final long DAY = 24 * 3600 * 1000L;
    /** Two trading days: 2024-11-24 and 2024-11-25 (UTC). */
    private static final long T0 = 1_732_406_400_000L;
    /** A clock two days ahead, so every batch committed now is past the 24 h retention. */
    private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));

    @Test
    void oldBatchesMoveIntoTheDailyTablesOnceAndTheOutputRootStaysBounded() throws Exception {
        JobSettings settings = settings("history-bounded");
        BatchWriter writer = new BatchWriter(settings.outputRoot(), hadoop());
        Map<String, Long> committed = new TreeMap<>();
        long quarantined = 0;
        List<Long> objects = new ArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Thread dashboard = new Thread(() -> readNewest(settings, reading, readerFailure), "dashboard-like reader");
        dashboard.start();
        long next = 0;
        try {
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 150; i++, next++) {
                    quarantined += commit(writer, next, committed);
                }
                new HistoryCompaction(spark(), settings, LATER).run();
                objects.add(objectsOutsideHistory(settings));
            }
        } finally {
            reading.set(false);
            dashboard.join();
        }
        assertThat(readerFailure.get()).as("what a reader of the newest batches met while old ones were removed").isNull();

        assertThat(objects.get(3)).as("objects of batches/ and quarantine/ after each run: %s", objects)
                .isLessThanOrEqualTo(objects.get(1));
        assertThat(batchDirs(settings)).hasSize(OutputLayout.NEWEST_BATCHES_KEPT);
        Map<String, Long> inHistory = new TreeMap<>();
        for (Row row : spark().read().parquet(settings.resolve(OutputLayout.HISTORY_DIR))
                .groupBy("symbol").sum("tick_count").collectAsList()) {
            inHistory.put(row.getString(0), row.getLong(1));
        }
        Map<String, Long> expected = new TreeMap<>();
        committedBefore(next - OutputLayout.NEWEST_BATCHES_KEPT, expected);
        assertThat(inHistory).isEqualTo(expected);
        assertThat(spark().read().parquet(settings.resolve(OutputLayout.HISTORY_DIR)).select("batch_id", "symbol").distinct().count())
                .as("each batch's rows once").isEqualTo(spark().read().parquet(settings.resolve(OutputLayout.HISTORY_DIR)).count());
        assertThat(spark().read().parquet(settings.resolve(OutputLayout.HISTORY_DIR)).select("date").distinct().collectAsList())
                .extracting(row -> row.get(0).toString()).containsExactlyInAnyOrder("2024-11-24", "2024-11-25");
        assertThat(spark().read().parquet(settings.resolve(OutputLayout.QUARANTINE_HISTORY_DIR)).count())
                .isEqualTo((next - OutputLayout.NEWEST_BATCHES_KEPT + 9) / 10);
        assertThat(quarantined).isEqualTo((next + 9) / 10);
        FileSystem fs = new Path(settings.outputRoot()).getFileSystem(hadoop());
        for (String table : List.of(OutputLayout.HISTORY_DIR, OutputLayout.QUARANTINE_HISTORY_DIR)) {
            for (var day : fs.listStatus(new Path(settings.resolve(table)), p -> p.getName().startsWith("date="))) {
                assertThat(fs.listStatus(day.getPath(), p -> p.getName().endsWith(".parquet")))
                        .as("files of %s after four runs, merged once the day is over", day.getPath()).hasSize(1);
            }
        }
        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            assertThat(output.latestPointer()).hasValue(next - 1);
        }
    }

    @Test
    void aCompactionKilledHalfWayIsRedoneByTheNextRunWithEachBatchOnce() throws Exception {
        JobSettings settings = settings("history-killed");
        BatchWriter writer = new BatchWriter(settings.outputRoot(), hadoop());
        for (long id = 0; id < 250; id++) {
            commit(writer, id, new TreeMap<>());
        }
        AtomicInteger moved = new AtomicInteger();
        HistoryCompaction killed = new HistoryCompaction(spark(), settings, LATER).onFileMoved((table, file) -> {
            if (moved.incrementAndGet() == 1) {
                throw new IllegalStateException("killed after the first file");
            }
        });
        assertThatThrownBy(killed::run).hasMessageContaining("killed");
        assertThat(batchDirs(settings)).as("nothing removed before the tables are complete").hasSize(250);

        HistoryCompaction.Result redone = new HistoryCompaction(spark(), settings, LATER).run();

        assertThat(redone.fromBatch()).isZero();
        assertThat(redone.toBatch()).isEqualTo(249 - OutputLayout.NEWEST_BATCHES_KEPT);
        Map<String, Long> expected = new TreeMap<>();
        committedBefore(250 - OutputLayout.NEWEST_BATCHES_KEPT, expected);
        Map<String, Long> inHistory = new TreeMap<>();
        spark().read().parquet(settings.resolve(OutputLayout.HISTORY_DIR)).groupBy("symbol").sum("tick_count")
                .collectAsList().forEach(row -> inHistory.put(row.getString(0), row.getLong(1)));
        assertThat(inHistory).isEqualTo(expected);
        assertThat(new HistoryCompaction(spark(), settings, LATER).run()).isEqualTo(HistoryCompaction.Result.NOTHING);
    }

    @Test
    void aDayThatAKilledMergeLeftAsideIsPutBackBeforeAnythingIsAddedToIt() throws Exception {
        JobSettings settings = settings("history-aside");
        BatchWriter writer = new BatchWriter(settings.outputRoot(), hadoop());
        long id = 0;
        for (; id < 150; id++) {
            commit(writer, id, new TreeMap<>());
        }
        new HistoryCompaction(spark(), settings, LATER).run();
        FileSystem fs = new Path(settings.outputRoot()).getFileSystem(hadoop());
        Path day = new Path(settings.resolve(OutputLayout.HISTORY_DIR + "/date=2024-11-24"));
        assertThat(fs.rename(day, new Path(settings.resolve(OutputLayout.HISTORY_DIR + "/_old-date=2024-11-24-killed")))).isTrue();
        for (; id < 300; id++) {
            commit(writer, id, new TreeMap<>());
        }

        new HistoryCompaction(spark(), settings, LATER).run();

        Map<String, Long> expected = new TreeMap<>();
        committedBefore(300 - OutputLayout.NEWEST_BATCHES_KEPT, expected);
        Map<String, Long> inHistory = new TreeMap<>();
        spark().read().parquet(settings.resolve(OutputLayout.HISTORY_DIR)).groupBy("symbol").sum("tick_count")
                .collectAsList().forEach(row -> inHistory.put(row.getString(0), row.getLong(1)));
        assertThat(inHistory).isEqualTo(expected);
        assertThat(fs.listStatus(new Path(settings.resolve(OutputLayout.HISTORY_DIR)), p -> p.getName().startsWith("_old-"))).isEmpty();
    }

    @Test
    void aRunWhoseBatchesWereCommittedOnTwoDaysFilesTheirQuarantineUnderBothDays() throws Exception {
        JobSettings settings = settings("history-midnight");
        BatchWriter writer = new BatchWriter(settings.outputRoot(), hadoop());
        FileSystem fs = new Path(settings.outputRoot()).getFileSystem(hadoop());
        int batches = 140;
        for (long id = 0; id < batches; id++) {
            commit(writer, id, new TreeMap<>());
            long committedAt = T0 + (id < 20 ? 0 : DAY);
            fs.setTimes(new Path(settings.resolve(OutputLayout.batchDir(id))), committedAt, -1);
        }

        HistoryCompaction.Result result = new HistoryCompaction(spark(), settings, LATER).run();

        assertThat(result.toBatch()).isEqualTo(batches - 1 - OutputLayout.NEWEST_BATCHES_KEPT);
        Map<String, Long> perDay = new TreeMap<>();
        spark().read().parquet(settings.resolve(OutputLayout.QUARANTINE_HISTORY_DIR)).groupBy("date").count().collectAsList()
                .forEach(row -> perDay.put(row.get(0).toString(), row.getLong(1)));
        assertThat(perDay).as("quarantined batches 0 and 10 were committed on the first day, 20 and 30 on the second")
                .isEqualTo(Map.of("2024-11-24", 2L, "2024-11-25", 2L));
    }

    @Test
    void aCorruptBatchFileIsNamedAndSkippedNotACrash() throws Exception {
        JobSettings settings = settings("history-corrupt");
        BatchWriter writer = new BatchWriter(settings.outputRoot(), hadoop());
        for (long id = 0; id < 110; id++) {
            commit(writer, id, new TreeMap<>());
        }
        FileSystem fs = new Path(settings.outputRoot()).getFileSystem(hadoop());
        try (var out = fs.create(new Path(settings.resolve(OutputLayout.batchDataFile(3))), true)) {
            out.write((BatchRow.CSV_HEADER + "\nnot,a,row\n").getBytes(StandardCharsets.UTF_8));
        }

        HistoryCompaction.Result result = new HistoryCompaction(spark(), settings, LATER).run();

        assertThat(result.batches()).isEqualTo(10);
        assertThat(result.rows()).isEqualTo(9 * 2);
    }

    /** Reads the pointer and the newest batches below it, as the dashboard does, until told to stop. */
    private static void readNewest(JobSettings settings, AtomicBoolean reading, AtomicReference<Throwable> failure) {
        try (BatchReader reader = BatchReader.open(settings.outputRoot(), hadoop())) {
            while (reading.get()) {
                OptionalLong latest = reader.latestBatchId();
                if (latest.isPresent()) {
                    for (long id = latest.getAsLong(); id > latest.getAsLong() - 20 && id >= 0; id--) {
                        assertThat(reader.readBatch(id)).as("batch %d below the pointer %d", id, latest.getAsLong()).isNotNull();
                    }
                }
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    /** Batch {@code id}: two symbols, one tick each, on day one or two; every tenth batch quarantines a record. */
    private static long commit(BatchWriter writer, long id, Map<String, Long> committed) throws Exception {
        long time = T0 + (id % 2) * DAY;
        List<BatchRow> rows = List.of(new BatchRow(id, time, "AAPL", 1, 1, 1, 1, 1, 10),
                new BatchRow(id, time, "IBM", 2, 2, 2, 2, 1, 20));
        rows.forEach(row -> committed.merge(row.symbol(), row.tickCount(), Long::sum));
        List<QuarantineRecord> bad = id % 10 == 0
                ? List.of(QuarantineRecord.of(id, "t", 0, id, new Rejection(RejectReason.UNPARSEABLE_JSON, "bad"),
                        ("bad " + id).getBytes(StandardCharsets.UTF_8)))
                : List.of();
        writer.commit(id, new BatchInput("q", "t", Map.of(0, new OffsetRange(id, id + 1))), rows, bad);
        return bad.size();
    }

    private static void committedBefore(long end, Map<String, Long> expected) {
        expected.put("AAPL", end);
        expected.put("IBM", end);
    }

    private static long objectsOutsideHistory(JobSettings settings) throws Exception {
        FileSystem fs = new Path(settings.outputRoot()).getFileSystem(hadoop());
        long objects = 0;
        for (String area : List.of(OutputLayout.BATCHES_DIR, OutputLayout.QUARANTINE_DIR)) {
            ContentSummary summary = fs.getContentSummary(new Path(settings.resolve(area)));
            objects += summary.getFileCount() + summary.getDirectoryCount();
        }
        return objects;
    }

    private static List<Long> batchDirs(JobSettings settings) throws Exception {
        try (OutputReader output = new OutputReader(settings.outputRoot())) {
            return new ArrayList<>(output.batches().keySet());
        }
    }

    private static JobSettings settings(String root) {
        return KafkaHdfsSparkExtension.settings("unused", root);
    }

    private static org.apache.hadoop.conf.Configuration hadoop() {
        return spark().sparkContext().hadoopConfiguration();
    }

    private static SparkSession spark() {
        return KafkaHdfsSparkExtension.spark();
    }
}
