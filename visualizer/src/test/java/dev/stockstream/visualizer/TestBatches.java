package dev.stockstream.visualizer;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.store.BatchInput;
import dev.stockstream.store.BatchWriter;
import dev.stockstream.store.OffsetRange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Test batches: rows to commit with the job's own {@link BatchWriter}, and corrupt files no writer makes. */
public final class TestBatches {

    private TestBatches() {
    }

    /** Rows of one batch: one per symbol at the given average price (min/max/VWAP around it). */
    public static List<BatchRow> rows(long batchId, long batchTime, Object... symbolsAndPrices) {
        List<BatchRow> rows = new ArrayList<>();
        for (int i = 0; i < symbolsAndPrices.length; i += 2) {
            double price = ((Number) symbolsAndPrices[i + 1]).doubleValue();
            rows.add(new BatchRow(batchId, batchTime, (String) symbolsAndPrices[i], price, price - 1, price + 1,
                    price + 0.25, 10 + i, 1000 + 100L * i));
        }
        return rows;
    }

    /** Commits through the job's protocol (a batch without quarantined ticks). */
    /** The input a test batch claims: one offset per batch id, as if one record made each batch. */
    public static BatchInput input(long batchId) {
        return new BatchInput("visualizer-test", "stockTopic", Map.of(0, new OffsetRange(batchId, batchId + 1)));
    }

    public static void commit(BatchWriter writer, long batchId, List<BatchRow> rows) {
        try {
            writer.commit(batchId, input(batchId), rows, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A batch directory whose data file holds {@code content}, written straight, without the commit protocol. */
    public static void writeDataFile(FileSystem fs, URI root, long batchId, String content) {
        Path file = new Path(root + "/" + OutputLayout.batchDataFile(batchId));
        try (OutputStream out = fs.create(file, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
