package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.QuarantineRecord;
import dev.stockstream.model.RejectReason;
import dev.stockstream.model.Tick;
import dev.stockstream.model.TickJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchSummaryTest {

    private static final long T0 = 1_732_406_400_000L;

    @Test
    void rowsHoldAveragesExtremesVwapCountsAndVolumePerSymbol() {
        PartitionSummary first = partition(0, 0, new Tick("IBM", 10.0, 100, T0), new Tick("AAPL", 2.0, 0, T0 + 7));
        PartitionSummary second = partition(1, 0, new Tick("IBM", 20.0, 300, T0 + 3), new Tick("IBM", 30.0, 0, T0 + 1),
                new Tick("AAPL", 4.0, 0, T0 + 2));

        BatchSummary batch = BatchSummary.merge(List.of(second, first));

        assertThat(batch.rows(9)).containsExactly(
                new BatchRow(9, T0 + 7, "AAPL", 3.0, 2.0, 4.0, 3.0, 2, 0),
                new BatchRow(9, T0 + 7, "IBM", 20.0, 10.0, 30.0, (10.0 * 100 + 20.0 * 300) / 400, 3, 400));
        assertThat(batch.records()).isEqualTo(5);
        assertThat(batch.validTicks()).isEqualTo(5);
        assertThat(batch.symbols()).isEqualTo(2);
    }

    @Test
    void theSameBatchMergedInAnyOrderWritesIdenticalRows() {
        Random random = new Random(1);
        List<PartitionSummary> partitions = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            PartitionSummary summary = new PartitionSummary();
            for (int i = 0; i < 1000; i++) {
                Tick tick = new Tick("S" + random.nextInt(5), 0.01 + random.nextDouble() * 500, random.nextInt(1000),
                        T0 + random.nextInt(1_000_000));
                summary.accept(p, i, TickJson.encodeBytes(tick));
            }
            partitions.add(summary);
        }
        List<BatchRow> expected = BatchSummary.merge(partitions).rows(3);

        Collections.reverse(partitions);
        assertThat(BatchSummary.merge(partitions).rows(3)).isEqualTo(expected);
        Collections.shuffle(partitions, random);
        assertThat(BatchSummary.merge(partitions).rows(3)).isEqualTo(expected);
    }

    @Test
    void rejectedRecordsBecomeQuarantineRecordsInKafkaOrderWithTheirRawValue() {
        PartitionSummary late = new PartitionSummary();
        late.accept(1, 40, "{\"symbol\":\"IBM\"}".getBytes(StandardCharsets.UTF_8));
        PartitionSummary early = new PartitionSummary();
        early.accept(0, 12, null);
        early.accept(0, 13, TickJson.encodeBytes(new Tick("IBM", 1.0, 1, T0)));

        BatchSummary batch = BatchSummary.merge(List.of(late, early));

        assertThat(batch.quarantine(5, "stockTopic")).containsExactly(
                new QuarantineRecord(5, "stockTopic", 0, 12, RejectReason.EMPTY_VALUE, "the record has no value", null),
                new QuarantineRecord(5, "stockTopic", 1, 40, RejectReason.MISSING_FIELD, "field \"price\" is missing",
                        "{\"symbol\":\"IBM\"}"));
        assertThat(batch.rejectedCount()).isEqualTo(2);
        assertThat(batch.records()).isEqualTo(3);
    }

    @Test
    void aBatchWithOnlyBadRecordsHasNoRows() {
        PartitionSummary only = new PartitionSummary();
        only.accept(0, 0, "garbage".getBytes(StandardCharsets.UTF_8));

        BatchSummary batch = BatchSummary.merge(List.of(only, new PartitionSummary()));

        assertThat(batch.rows(0)).isEmpty();
        assertThat(batch.rejectedCount()).isEqualTo(1);
    }

    private static PartitionSummary partition(int partition, long firstOffset, Tick... ticks) {
        PartitionSummary summary = new PartitionSummary();
        long offset = firstOffset;
        for (Tick tick : ticks) {
            summary.accept(partition, offset++, TickJson.encodeBytes(tick));
        }
        return summary;
    }
}
