package dev.stockstream.store;

import dev.stockstream.embedded.EmbeddedHdfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One HDFS cluster and one client of it for all the test classes of the module, closed when the run ends. */
final class EmbeddedHdfsExtension implements BeforeAllCallback {

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    static FileSystem fs() {
        return running().fs;
    }

    /** A fresh output root on the shared HDFS. */
    static URI root(String name) {
        return URI.create(running().hdfs.uri() + "/" + name);
    }

    private static synchronized Running running() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(EmbeddedHdfsExtension.class)");
        }
        return running;
    }

    private static synchronized Running start() {
        EmbeddedHdfs hdfs = EmbeddedHdfs.startDefault();
        running = new Running(hdfs, hdfs.newFileSystem());
        return running;
    }

    private record Running(EmbeddedHdfs hdfs, FileSystem fs) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            try {
                fs.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                hdfs.close();
            }
        }
    }
}
