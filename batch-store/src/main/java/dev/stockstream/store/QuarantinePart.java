package dev.stockstream.store;

import dev.stockstream.model.OutputLayout;
import dev.stockstream.model.QuarantineRecord;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * One Spark task's share of a batch's quarantine, streamed to a file in the attempt's quarantine
 * directory ({@link BatchWriter.Attempt#quarantineDir()}) as the task reads, so neither the task
 * nor the driver holds the rejected records. Written under a name unique to the task attempt and
 * renamed to {@code part-<task>.jsonl} when complete; a retried task replaces it with the same lines.
 */
public final class QuarantinePart implements Closeable {

    private final FileContext files;
    private final Path temp;
    private final Path target;
    private final long batchId;
    private final FSDataOutputStream out;
    private long records;

    private QuarantinePart(FileContext files, Path temp, Path target, long batchId) throws IOException {
        this.files = files;
        this.temp = temp;
        this.target = target;
        this.batchId = batchId;
        this.out = files.create(temp, EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE), Options.CreateOpts.createParent());
    }

    /** Opens the part of task {@code part} (attempt {@code taskAttempt}) in {@code quarantineDir}. */
    public static QuarantinePart open(URI quarantineDir, Configuration conf, long batchId, int part, long taskAttempt)
            throws IOException {
        Path dir = new Path(quarantineDir);
        String name = OutputLayout.quarantinePartName(part);
        return new QuarantinePart(FileContext.getFileContext(quarantineDir, conf),
                new Path(dir, OutputLayout.TEMP_PREFIX + name + "-" + taskAttempt), new Path(dir, name), batchId);
    }

    public void write(QuarantineRecord record) throws IOException {
        out.write((record.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
        // The second line is the first moment a part is half written: the crash tests stop the job here.
        if (++records == 2) {
            out.hflush();
            CommitStep.QUARANTINE_PART_HALF_WRITTEN.reached(batchId);
        }
    }

    /** Completes the part: closes it and moves it to its final name, replacing an earlier attempt's. */
    @Override
    public void close() throws IOException {
        out.close();
        files.rename(temp, target, Options.Rename.OVERWRITE);
    }

    /** Gives the part up after a failure: closes it under its temporary name, which the commit deletes. */
    public void abort() {
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            // the task has failed already; the temporary file is removed with its attempt
        }
    }
}
