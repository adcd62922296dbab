package dev.stockstream.visualizer.hdfs;

import dev.stockstream.store.BatchReader;
import dev.stockstream.visualizer.config.OutputRoot;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/** The visualizer's own side of reading the output: its HDFS client timeouts, and a root that cannot be opened stops the start. */
public final class HdfsClient {

    private HdfsClient() {
    }

    /** A reader of the contract's layout under {@code root}; a ConfigurationException naming STOCK_OUTPUT_ROOT if it cannot be opened. */
    public static BatchReader open(URI root, Duration timeout) {
        try {
            return BatchReader.open(root, clientConfiguration(timeout));
        } catch (IOException e) {
            throw new ConfigurationException(OutputRoot.describe() + " " + root + " cannot be opened: "
                    + HistoryReader.oneLine(e));
        }
    }

    /** A file system of its own on {@code root}, with the same timeouts; a ConfigurationException naming STOCK_OUTPUT_ROOT if it cannot be opened. */
    public static FileSystem fileSystem(URI root, Duration timeout) {
        try {
            return FileSystem.newInstance(root, clientConfiguration(timeout));
        } catch (IOException e) {
            throw new ConfigurationException(OutputRoot.describe() + " " + root + " cannot be opened: "
                    + HistoryReader.oneLine(e));
        }
    }

    /** Fail fast when HDFS is down instead of Hadoop's default of ten one-second connect retries. */
    static Configuration clientConfiguration(Duration timeout) {
        int millis = (int) timeout.toMillis();
        Configuration conf = new Configuration();
        conf.setInt("ipc.client.connect.max.retries", 1);
        conf.setInt("ipc.client.connect.retry.interval", 200);
        conf.setInt("ipc.client.connect.max.retries.on.timeouts", 1);
        conf.setInt("ipc.client.connect.timeout", millis);
        conf.setInt("ipc.client.rpc-timeout.ms", millis);
        conf.setInt("dfs.client.socket-timeout", millis);
        conf.setInt("dfs.client.retry.window.base", 100);
        conf.setInt("dfs.client.max.block.acquire.failures", 1);
        conf.setBoolean("fs.hdfs.impl.disable.cache", true);
        return conf;
    }
}
