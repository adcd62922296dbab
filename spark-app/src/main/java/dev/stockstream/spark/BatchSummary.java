package dev.stockstream.spark;

import dev.stockstream.model.BatchRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One micro-batch's result, merged from its partition summaries in Kafka order (partition,
 * then offset) so that a replayed batch adds its doubles in the same order and writes the same
 * bytes. The batch time is the latest event time among the valid ticks, for the same reason.
 */
final class BatchSummary {

    private static final Comparator<PartitionSummary> KAFKA_ORDER = Comparator
            .comparingInt(PartitionSummary::firstPartition)
            .thenComparingLong(PartitionSummary::firstOffset);

    private final TreeMap<String, SymbolStats> bySymbol = new TreeMap<>();
    private long rejected;
    private long records;
    private long validTicks;
    private long batchTime = Long.MIN_VALUE;

    static BatchSummary merge(List<PartitionSummary> partitions) {
        BatchSummary batch = new BatchSummary();
        List<PartitionSummary> ordered = new ArrayList<>(partitions);
        ordered.sort(KAFKA_ORDER);
        for (PartitionSummary partition : ordered) {
            batch.add(partition);
        }
        return batch;
    }

    private void add(PartitionSummary partition) {
        records += partition.records();
        rejected += partition.rejected();
        for (Map.Entry<String, SymbolStats> entry : partition.bySymbol().entrySet()) {
            SymbolStats stats = entry.getValue();
            validTicks += stats.count();
            batchTime = Math.max(batchTime, stats.maxTs());
            bySymbol.computeIfAbsent(entry.getKey(), symbol -> new SymbolStats()).merge(stats);
        }
    }

    /** One row per symbol, sorted by symbol; empty when the batch had no valid tick. */
    List<BatchRow> rows(long batchId) {
        List<BatchRow> rows = new ArrayList<>(bySymbol.size());
        bySymbol.forEach((symbol, stats) -> rows.add(stats.toRow(batchId, batchTime, symbol)));
        return rows;
    }

    /** The symbols whose volume sum reached {@code Long.MAX_VALUE} and stopped there. */
    List<String> saturatedVolumes() {
        return bySymbol.entrySet().stream().filter(entry -> entry.getValue().volumeSaturated()).map(Map.Entry::getKey).toList();
    }

    long records() {
        return records;
    }

    long validTicks() {
        return validTicks;
    }

    long rejectedCount() {
        return rejected;
    }

    int symbols() {
        return bySymbol.size();
    }
}
