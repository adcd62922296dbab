package dev.stockstream.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a pointer that its writer replaces by rename-with-overwrite while readers read it. HDFS
 * drops the replaced file's blocks soon after, so a read that opened the old file can fail on
 * them ("Blocklist ... has changed!", a missing block) although the pointer is there: the path
 * then holds the new pointer, and it is opened again. A failure to open is not retried.
 */
final class PointerFile {

    private static final int READ_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(PointerFile.class);

    private PointerFile() {
    }

    /** Up to {@code limit} bytes of {@code file}, or null when it does not exist. */
    static byte[] read(FileSystem fs, Path file, int limit) throws IOException {
        for (int attempt = 1; ; attempt++) {
            FSDataInputStream in;
            try {
                in = fs.open(file);
            } catch (FileNotFoundException e) {
                return null;
            }
            try (in) {
                return in.readNBytes(limit);
            } catch (ChecksumException e) {
                throw e;
            } catch (IOException e) {
                if (attempt == READ_ATTEMPTS) {
                    throw e;
                }
                LOG.debug("{} was replaced while it was read ({}); reading it again", file, e.getMessage());
            }
        }
    }
}
