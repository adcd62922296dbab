package dev.stockstream.visualizer;

import dev.stockstream.embedded.Directories;
import dev.stockstream.embedded.EmbeddedHdfs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
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

    static EmbeddedHdfs hdfs() {
        return hdfs;
    }

    /** A committer on a fresh client; HDFS must be running. */
    static BatchCommitter committer() {
        FileSystem fs = hdfs.newFileSystem();
        return new BatchCommitter(fs, outputRoot);
    }
}
