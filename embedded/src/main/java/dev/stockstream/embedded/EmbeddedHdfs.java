package dev.stockstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HDFS cluster (one NameNode, one DataNode) running in this JVM on loopback. The NameNode
 * keeps its port and the data survive {@link #stop()} and {@link #start()}, so it can play an
 * HDFS outage; {@link #close()} also deletes the data if the directory was a temporary one.
 */
public final class EmbeddedHdfs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHdfs.class);

    /**
     * Hadoop client settings for writers of this cluster: its one DataNode holds one replica, and
     * it often reports a new block a moment late, when HDFS's first retry of a file close would
     * wait 400 ms (several files close per micro-batch). The chart's Spark jobs use the same delay and
     * retries: 10 doubling waits from 20 ms keep more patience for a slow close (20 s) than HDFS's 5
     * from 400 ms (12 s).
     */
    public static final Map<String, String> CLIENT_SETTINGS = Map.of(
            "dfs.replication", "1",
            "dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "20",
            "dfs.client.block.write.locateFollowingBlock.retries", "10");

    private final Path baseDir;
    private final boolean ownsBaseDir;
    private int nameNodePort;
    private MiniDFSCluster cluster;
    private boolean formatted;

    private EmbeddedHdfs(Path baseDir, int nameNodePort) {
        this.ownsBaseDir = baseDir == null;
        this.baseDir = ownsBaseDir ? Directories.createTemp("embedded-hdfs-") : baseDir;
        this.nameNodePort = nameNodePort;
        this.formatted = !ownsBaseDir && hasNameNodeData(baseDir);
    }

    /** MiniDFSCluster keeps NameNode metadata in {@code name-*} folders under its base directory. */
    private static boolean hasNameNodeData(Path baseDir) {
        java.io.File[] nameDirs = baseDir.toFile().listFiles((dir, name) -> name.startsWith("name"));
        return nameDirs != null && nameDirs.length > 0;
    }

    /** A cluster with a temporary directory and a free NameNode port, started and ready. */
    public static EmbeddedHdfs startDefault() {
        return new EmbeddedHdfs(null, 0).start();
    }

    /**
     * A cluster keeping its data under {@code baseDir}: an existing cluster there is reopened,
     * not formatted. Port 0 picks a free port.
     */
    public static EmbeddedHdfs at(Path baseDir, int nameNodePort) {
        return new EmbeddedHdfs(baseDir, nameNodePort);
    }

    public synchronized EmbeddedHdfs start() {
        if (cluster != null) {
            return this;
        }
        long started = System.nanoTime();
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().toString());
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.setBoolean("dfs.permissions.enabled", false);
        try {
            cluster = new MiniDFSCluster.Builder(conf, baseDir.toFile())
                    .numDataNodes(1)
                    .nameNodePort(nameNodePort)
                    .format(!formatted)
                    .build();
            cluster.waitActive();
        } catch (IOException e) {
            cluster = null;
            throw new UncheckedIOException("cannot start HDFS under " + baseDir, e);
        }
        formatted = true;
        nameNodePort = cluster.getNameNodePort();
        LOG.info("HDFS ready at {} in {} ms (data {})", uri(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), baseDir);
        return this;
    }

    /** Stops NameNode and DataNode; data and the NameNode port are kept for {@link #start()}. */
    public synchronized void stop() {
        if (cluster == null) {
            return;
        }
        cluster.shutdown(false, false);
        cluster = null;
        LOG.info("HDFS at {} stopped", uri());
    }

    public synchronized boolean isRunning() {
        return cluster != null;
    }

    /** {@code hdfs://localhost:<port>}, the NameNode's address. */
    public URI uri() {
        return URI.create("hdfs://localhost:" + nameNodePort);
    }

    public int nameNodePort() {
        return nameNodePort;
    }

    public Path baseDir() {
        return baseDir;
    }

    /** A Hadoop configuration with {@link #CLIENT_SETTINGS}, for clients of this cluster. */
    public static Configuration clientConfiguration() {
        Configuration conf = new Configuration();
        CLIENT_SETTINGS.forEach(conf::set);
        return conf;
    }

    /** A client file system of this cluster, with {@link #CLIENT_SETTINGS}; the caller closes it. */
    public FileSystem newFileSystem() {
        try {
            return FileSystem.newInstance(uri(), clientConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        if (ownsBaseDir) {
            Directories.deleteRecursively(baseDir);
        }
    }
}
