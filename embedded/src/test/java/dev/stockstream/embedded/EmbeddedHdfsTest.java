package dev.stockstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class EmbeddedHdfsTest {

    @Test
    void filesWrittenBeforeARestartAreReadAfterIt() throws Exception {
        try (EmbeddedHdfs hdfs = EmbeddedHdfs.startDefault()) {
            Path file = new Path("/data/hello.txt");
            try (FileSystem fs = hdfs.newFileSystem(); FSDataOutputStream out = fs.create(file)) {
                out.write("hello".getBytes(StandardCharsets.UTF_8));
            }
            int port = hdfs.nameNodePort();

            hdfs.stop();
            hdfs.start();

            assertThat(hdfs.nameNodePort()).isEqualTo(port);
            assertThat(hdfs.uri().toString()).isEqualTo("hdfs://localhost:" + port);
            try (FileSystem fs = hdfs.newFileSystem()) {
                assertThat(new String(fs.open(file).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
            }
        }
    }
}
