package dev.stockstream.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.RejectReason;
import dev.stockstream.model.Tick;
import dev.stockstream.model.TickJson;
import dev.stockstream.model.TickRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchSummaryTest {

    private static final long T0 = TestTopicWriter.T0;

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
            PartitionSummary summary = summary();
            for (int i = 0; i < 1000; i++) {
                Tick tick = new Tick("S" + random.nextInt(5), 0.01 + random.nextDouble() * 500, random.nextInt(1000),
                        T0 + random.nextInt(1_000_000));
                summary.accept(p, i, tick.ts(), TickJson.encodeBytes(tick));
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
    void eachRejectionIsReturnedToBeQuarantinedAndOnlyCountedHere() {
        PartitionSummary summary = summary();
        assertThat(summary.accept(0, 12, T0, null).reason()).isEqualTo(RejectReason.EMPTY_VALUE);
        assertThat(summary.accept(1, 40, T0, "{\"symbol\":\"IBM\"}".getBytes(StandardCharsets.UTF_8)).reason())
                .isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(summary.accept(0, 13, T0, TickJson.encodeBytes(new Tick("IBM", 1.0, 1, T0)))).isNull();

        BatchSummary batch = BatchSummary.merge(List.of(summary));

        assertThat(batch.rejectedCount()).isEqualTo(2);
        assertThat(batch.records()).isEqualTo(3);
        assertThat(batch.validTicks()).isEqualTo(1);
    }

    @Test
    void aTickTooFarFromItsKafkaTimestampIsRejectedSoOneBadClockCannotMoveTheBatchTime() {
        PartitionSummary summary = summary();
        Tick decadesAhead = new Tick("IBM", 1.0, 1, T0 + 20L * 365 * 24 * 3600 * 1000);
        Tick hoursBehind = new Tick("IBM", 1.0, 1, T0 - 2 * 3_600_000);

        assertThat(summary.accept(0, 0, T0, TickJson.encodeBytes(decadesAhead)).reason()).isEqualTo(RejectReason.EVENT_TIME_AHEAD);
        assertThat(summary.accept(0, 1, T0, TickJson.encodeBytes(hoursBehind)).reason()).isEqualTo(RejectReason.EVENT_TIME_BEHIND);
        assertThat(summary.accept(0, 2, T0, TickJson.encodeBytes(new Tick("IBM", 2.0, 1, T0 + 30_000)))).isNull();

        assertThat(BatchSummary.merge(List.of(summary)).rows(0)).singleElement()
                .satisfies(row -> assertThat(row.batchTime()).isEqualTo(T0 + 30_000));
    }

    @Test
    void aVolumeSumThatWouldOverflowStopsAtTheMaximumAndIsFlagged() {
        Tick largest = new Tick("IBM", 1.0, TickRules.MAX_VOLUME, T0);
        SymbolStats first = new SymbolStats();
        SymbolStats second = new SymbolStats();
        for (int i = 0; i < 5_000_000; i++) {
            first.add(largest);
            second.add(largest);
        }
        assertThat(first.volumeSaturated()).isFalse();

        first.merge(second);

        assertThat(first.toRow(0, T0, "IBM").volume()).isEqualTo(Long.MAX_VALUE);
        assertThat(first.volumeSaturated()).isTrue();
        assertThat(first.count()).isEqualTo(10_000_000);
    }

    @Test
    void aBatchWithOnlyBadRecordsHasNoRows() {
        PartitionSummary only = summary();
        only.accept(0, 0, T0, "garbage".getBytes(StandardCharsets.UTF_8));

        BatchSummary batch = BatchSummary.merge(List.of(only, summary()));

        assertThat(batch.rows(0)).isEmpty();
        assertThat(batch.rejectedCount()).isEqualTo(1);
    }

    private static PartitionSummary summary() {
        return new PartitionSummary(60_000, 3_600_000);
    }

    private static PartitionSummary partition(int partition, long firstOffset, Tick... ticks) {
        PartitionSummary summary = summary();
        long offset = firstOffset;
        for (Tick tick : ticks) {
            summary.accept(partition, offset++, tick.ts(), TickJson.encodeBytes(tick));
        }
        return summary;
    }
}
