package dev.stockstream.spark;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.QuarantineRecord;
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
    private static final Comparator<RejectedRecord> REJECTED_ORDER = Comparator
            .comparingInt(RejectedRecord::partition)
            .thenComparingLong(RejectedRecord::offset);

    private final TreeMap<String, SymbolStats> bySymbol = new TreeMap<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();
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
        batch.rejected.sort(REJECTED_ORDER);
        return batch;
    }

    private void add(PartitionSummary partition) {
        records += partition.records();
        rejected.addAll(partition.rejected());
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

    List<QuarantineRecord> quarantine(long batchId, String topic) {
        List<QuarantineRecord> records = new ArrayList<>(rejected.size());
        for (RejectedRecord record : rejected) {
            records.add(record.toQuarantineRecord(batchId, topic));
        }
        return records;
    }

    long records() {
        return records;
    }

    long validTicks() {
        return validTicks;
    }

    long rejectedCount() {
        return rejected.size();
    }

    int symbols() {
        return bySymbol.size();
    }
}
