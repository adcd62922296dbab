package dev.stockstream.spark;

import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import dev.stockstream.model.Rejection;
import dev.stockstream.store.BatchInput;
import dev.stockstream.store.BatchWriter;
import dev.stockstream.store.OffsetRange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bash bench/retention.sh}: the batch writer and the history compaction through many small
 * batches on an in-process HDFS, with a simulated clock (one batch every 5 s, the commit times set
 * to match), compacting every {@value #COMPACT_EVERY} batches with a 1 h retention. Prints the
 * objects under the output root at 10,000 and at the last batch, and the rows in the history table
 * against the rows of the batches it took.
 */
public final class RetentionBench {

    private static final long T0 = 1_732_406_400_000L;
    private static final long BATCH_MILLIS = 5_000;
    private static final int COMPACT_EVERY = 1_000;
    private static final int ROWS_PER_BATCH = 2;

    private RetentionBench() {
    }

    public static void main(String[] args) throws Exception {
        long batches = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        try (EmbeddedHdfs hdfs = EmbeddedHdfs.startDefault()) {
            SparkSession spark = KafkaHdfsSparkExtension.localSpark("local[2]", "retention-bench");
            // Each small file's close polls the NameNode until the one datanode has reported its block;
            // polling sooner measures the layout rather than that wait.
            spark.sparkContext().hadoopConfiguration().set("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "2");
            // ... with more (doubling) retries than the default 5, which after 2 ms give up in ~60 ms on a loaded machine.
            spark.sparkContext().hadoopConfiguration().set("dfs.client.block.write.locateFollowingBlock.retries", "14");
            URI root = URI.create(hdfs.uri() + "/retention-bench");
            JobSettings settings = JobSettings.fromEnvironmentAndArgs(Map.of(), "STOCK_OUTPUT_ROOT=" + root,
                    "STOCK_BATCH_RETENTION=1h");
            BatchWriter writer = new BatchWriter(root, spark.sparkContext().hadoopConfiguration());
            FileSystem fs = new Path(root).getFileSystem(spark.sparkContext().hadoopConfiguration());
            long objectsAt10k = -1;
            long started = System.nanoTime();
            for (long id = 0; id < batches; id++) {
                long time = T0 + id * BATCH_MILLIS;
                List<QuarantineRecord> bad = id % 100 == 0
                        ? List.of(QuarantineRecord.of(id, "t", 0, id, new Rejection(RejectReason.UNPARSEABLE_JSON, "bad"),
                                "x".getBytes(StandardCharsets.UTF_8)))
                        : List.of();
                writer.commit(id, new BatchInput("bench", "t", Map.of(0, new OffsetRange(id, id + 1))),
                        List.of(new BatchRow(id, time, "AAPL", 1, 1, 1, 1, 1, 1), new BatchRow(id, time, "IBM", 2, 2, 2, 2, 1, 1)),
                        bad);
                fs.setTimes(new Path(root + "/" + OutputLayout.batchDir(id)), time, -1);
                if (!bad.isEmpty()) {
                    fs.setTimes(new Path(root + "/" + OutputLayout.quarantineDir(id)), time, -1);
                }
                if ((id + 1) % COMPACT_EVERY == 0) {
                    new HistoryCompaction(spark, settings, Clock.fixed(Instant.ofEpochMilli(time), ZoneOffset.UTC)).run();
                    System.err.printf(Locale.ROOT, "batches=%d objects=%d elapsed_s=%d%n", id + 1, objects(fs, root),
                            (System.nanoTime() - started) / 1_000_000_000L);
                }
                if (id + 1 == 10_000) {
                    objectsAt10k = objects(fs, root);
                }
            }
            long objectsAtEnd = objects(fs, root);
            long compacted = Long.parseLong(new String(fs.open(new Path(root + "/" + OutputLayout.COMPACTED_POINTER))
                    .readAllBytes(), StandardCharsets.UTF_8).trim());
            long historyRows = spark.read().parquet(root + "/" + OutputLayout.HISTORY_DIR).count();
            spark.stop();
            System.out.println(String.format(Locale.ROOT,
                    "retention objects_at_10k=%d objects_at_100k=%d ratio=%.3f history_rows=%d expected_rows=%d",
                    objectsAt10k, objectsAtEnd, (double) objectsAtEnd / objectsAt10k, historyRows,
                    (compacted + 1) * ROWS_PER_BATCH));
        }
        System.exit(0);
    }

    private static long objects(FileSystem fs, URI root) throws Exception {
        ContentSummary summary = fs.getContentSummary(new Path(root));
        return summary.getFileCount() + summary.getDirectoryCount();
    }
}
