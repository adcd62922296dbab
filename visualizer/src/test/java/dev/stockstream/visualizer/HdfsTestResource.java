package dev.stockstream.visualizer;

import dev.stockstream.embedded.Directories;
import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.model.BatchRow;
import dev.stockstream.store.BatchWriter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;

/**
 * A real in-process HDFS (the shared MiniDFSCluster fixture) for the app under test; the
 * output root is {@code hdfs://localhost:<port>/<root arg>}. Tests reach it through the statics.
 */
public class HdfsTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedHdfs hdfs;
    private static volatile String outputRoot;
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

    /** A batch whose data file is {@code content} (e.g. corrupt), written without the commit protocol. */
    public static void writeDataFile(long batchId, String content) throws IOException {
        try (FileSystem fs = hdfs.newFileSystem()) {
            TestBatches.writeDataFile(fs, URI.create(outputRoot), batchId, content);
        }
    }
}
