package dev.stockstream.visualizer;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes batches the way the streaming job commits them (contract layout): the batch directory
 * under a temporary name, renamed into place, then the latest-batch pointer replaced.
 */
final class BatchCommitter implements AutoCloseable {

    private final FileSystem fs;
    private final String root;

    BatchCommitter(FileSystem fs, String root) {
        this.fs = fs;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** Rows of one batch: one per symbol at the given average price (min/max/VWAP around it). */
    static List<BatchRow> rows(long batchId, long batchTime, Object... symbolsAndPrices) {
        java.util.ArrayList<BatchRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < symbolsAndPrices.length; i += 2) {
            double price = ((Number) symbolsAndPrices[i + 1]).doubleValue();
            rows.add(new BatchRow(batchId, batchTime, (String) symbolsAndPrices[i], price, price - 1, price + 1,
                    price + 0.25, 10 + i, 1000 + 100L * i));
        }
        return rows;
    }

    void commit(long batchId, List<BatchRow> rows) {
        StringBuilder csv = new StringBuilder(BatchRow.CSV_HEADER).append('\n');
        rows.forEach(row -> csv.append(row.toCsvLine()).append('\n'));
        commitRaw(batchId, csv.toString());
    }

    /** A batch whose data file holds whatever {@code content} says, e.g. something corrupt. */
    void commitRaw(long batchId, String content) {
        try {
            Path temp = path(OutputLayout.tempBatchDir(batchId, UUID.randomUUID().toString()));
            fs.mkdirs(temp);
            write(new Path(temp, OutputLayout.DATA_FILE), content);
            write(new Path(temp, OutputLayout.SUCCESS_MARKER), "");
            Path target = path(OutputLayout.batchDir(batchId));
            fs.delete(target, true);
            if (!fs.rename(temp, target)) {
                throw new IOException("rename " + temp + " -> " + target + " failed");
            }
            pointTo(batchId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void pointTo(long batchId) throws IOException {
        Path temp = path(OutputLayout.BATCHES_DIR + "/_LATEST-" + UUID.randomUUID());
        write(temp, OutputLayout.pointerContent(batchId));
        Path pointer = path(OutputLayout.LATEST_POINTER);
        fs.delete(pointer, false);
        fs.rename(temp, pointer);
    }

    private void write(Path file, String content) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }

    private Path path(String relative) {
        return new Path(root + "/" + relative);
    }
}
