package dev.stockstream.visualizer;

import dev.stockstream.embedded.Directories;
import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.model.BatchRow;
import dev.stockstream.model.Candle;
import dev.stockstream.store.BatchWriter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FileSystem;

/**
 * A real in-process HDFS (the shared MiniDFSCluster fixture) for the app under test; the
 * output root is {@code hdfs://localhost:<port>/<root arg>}. Tests reach it through the statics.
 */
public class HdfsTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedHdfs hdfs;
    private static volatile String outputRoot;
    private static final AtomicLong CANDLE_BLOCKS = new AtomicLong();
    /** 2024-11-24T10:00Z, the first window of the first block of candles. */
    private static final long CANDLES_FROM = 1_732_406_400_000L + 10 * 3_600_000L;
    private String root = "/stockstream";

    @Override
    public void init(Map<String, String> initArgs) {
        root = initArgs.getOrDefault("root", root);
    }

    @Override
    public Map<String, String> start() {
        Path baseDir = Path.of("target", "hdfs" + root.replace('/', '-'));
        Directories.deleteRecursively(baseDir);
        hdfs = EmbeddedHdfs.at(baseDir, 0).start();
        CANDLE_BLOCKS.set(0);
        outputRoot = hdfs.uri() + root;
        return Map.of("stock.output.root", outputRoot);
    }

    @Override
    public void stop() {
        if (hdfs != null) {
            hdfs.close();
            hdfs = null;
        }
    }

    public static EmbeddedHdfs hdfs() {
        return hdfs;
    }

    /** Commits one batch with the job's writer on a fresh client; HDFS must be running. */
    public static void commit(long batchId, List<BatchRow> rows) {
        try {
            TestBatches.commit(new BatchWriter(URI.create(outputRoot), EmbeddedHdfs.clientConfiguration()), batchId, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A block of candles no test of this root has used: candle batch ids from {@code batch} (100 of them) and
     * windows from {@code start}, a day after the previous block's, so a test's candles are the newest read.
     */
    public record CandleBlock(long batch, long start) {
    }

    public static CandleBlock newCandleBlock() {
        long block = CANDLE_BLOCKS.getAndIncrement();
        return new CandleBlock(100 * block, CANDLES_FROM + block * 86_400_000L);
    }

    /** Commits candle batch {@code batchId} with the job's candle writer; HDFS must be running. */
    public static void commitCandles(long batchId, List<Candle> candles, long lateTicks, long lateTicksTotal) {
        TestCandles.commit(URI.create(outputRoot), EmbeddedHdfs.clientConfiguration(), batchId, candles, lateTicks, lateTicksTotal);
    }

    /** A file under the output root holding {@code content}, written without the commit protocol (a corrupt part). */
    public static void writeFile(String relative, byte[] content) throws IOException {
        try (FileSystem fs = hdfs.newFileSystem()) {
            TestCandles.writeFile(fs, URI.create(outputRoot), relative, content);
        }
    }

    /** A batch whose data file is {@code content} (e.g. corrupt), written without the commit protocol. */
    public static void writeDataFile(long batchId, String content) throws IOException {
        try (FileSystem fs = hdfs.newFileSystem()) {
            TestBatches.writeDataFile(fs, URI.create(outputRoot), batchId, content);
        }
    }
}
