package dev.stockstream.visualizer;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.visualizer.config.OutputRoot;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the job's output through Hadoop's FileSystem API, by exact path only: the
 * latest-batch pointer and single batch files, never a listing of {@code batches/}.
 */
public class BatchFiles implements AutoCloseable {

    /** Larger pointers or data files are not what the job writes. */
    private static final int MAX_POINTER_BYTES = 64;
    private static final long MAX_DATA_FILE_BYTES = 16L * 1024 * 1024;

    private final URI root;
    private final FileSystem fs;

    public BatchFiles(URI root, java.time.Duration timeout) {
        this.root = root;
        try {
            this.fs = FileSystem.newInstance(root, clientConfiguration(timeout));
        } catch (IOException e) {
            throw new ConfigurationException(OutputRoot.describe() + " " + root
                    + " cannot be opened: " + BatchHistory.oneLine(e));
        }
    }

    /** Fail fast when HDFS is down instead of Hadoop's default of ten one-second connect retries. */
    static Configuration clientConfiguration(java.time.Duration timeout) {
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

    public URI root() {
        return root;
    }

    /** The last committed batch id; empty before the first batch. Throws when the root cannot be reached. */
    public OptionalLong latestBatchId() throws IOException {
        byte[] content;
        try (FSDataInputStream in = fs.open(path(OutputLayout.LATEST_POINTER))) {
            content = in.readNBytes(MAX_POINTER_BYTES + 1);
        } catch (FileNotFoundException e) {
            return OptionalLong.empty();
        } catch (ChecksumException e) {
            throw new CorruptBatchException("the latest-batch pointer fails its checksum: " + e.getMessage());
        }
        OptionalLong id = content.length > MAX_POINTER_BYTES
                ? OptionalLong.empty()
                : OutputLayout.parsePointer(new String(content, StandardCharsets.UTF_8));
        if (id.isEmpty()) {
            throw new CorruptBatchException("the latest-batch pointer " + path(OutputLayout.LATEST_POINTER)
                    + " does not hold a batch id");
        }
        return id;
    }

    /**
     * One committed batch, or null when no such batch directory exists.
     *
     * @throws CorruptBatchException when the data file is not the contract's CSV
     * @throws IOException when HDFS cannot be read
     */
    public Batch readBatch(long batchId) throws IOException {
        Path dataFile = path(OutputLayout.batchDataFile(batchId));
        FileStatus status;
        try {
            status = fs.getFileStatus(dataFile);
        } catch (FileNotFoundException e) {
            return null;
        }
        if (status.getLen() > MAX_DATA_FILE_BYTES) {
            throw new CorruptBatchException(dataFile + " is " + status.getLen() + " bytes, more than a batch holds");
        }
        List<BatchRow> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(fs.open(dataFile), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.trim().equals(BatchRow.CSV_HEADER)) {
                throw new CorruptBatchException(dataFile + " does not start with the header " + BatchRow.CSV_HEADER);
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(BatchRow.parseCsvLine(line.trim()));
                } catch (IllegalArgumentException e) {
                    throw new CorruptBatchException(dataFile + " line " + lineNumber + ": " + e.getMessage());
                }
            }
        } catch (ChecksumException e) {
            throw new CorruptBatchException(dataFile + " fails its checksum: " + e.getMessage());
        }
        return new Batch(batchId, Instant.ofEpochMilli(status.getModificationTime()), rows);
    }

    /** A cheap round trip to the NameNode (or the local disk): does the root answer at all. */
    public void probe() throws IOException {
        fs.exists(new Path(root));
    }

    private Path path(String relative) {
        return new Path(root + "/" + relative);
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
