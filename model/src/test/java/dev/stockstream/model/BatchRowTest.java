package dev.stockstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchRowTest {

    @Test
    void aRowSurvivesItsCsvForm() {
        BatchRow row = new BatchRow(42, 1732406400123L, "BRK.B", 187.125, 180.5, 190.25, 186.9, 1200, 360000);

        assertThat(BatchRow.parseCsvLine(row.toCsvLine())).isEqualTo(row);
        assertThat(BatchRow.CSV_HEADER)
                .isEqualTo("batch_id,batch_time,symbol,avg_price,min_price,max_price,vwap,tick_count,volume");
    }

    @Test
    void corruptLinesAreRefusedWithAReason() {
        assertThatThrownBy(() -> BatchRow.parseCsvLine("1,2,AAPL"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 9 columns");
        assertThatThrownBy(() -> BatchRow.parseCsvLine("1,2,AAPL,x,1,1,1,1,1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad number");
        assertThatThrownBy(() -> BatchRow.parseCsvLine("1,2,<b>,1,1,1,1,1,1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad symbol");
    }

    @Test
    void quarantineRecordsKeepArbitraryRawValues() {
        String raw = "{\"symbol\":\"x\",\n\"price\":\"<b>\u00e9,\"}";
        QuarantineRecord record = new QuarantineRecord(7, "stockTopic", 3, 1234567, RejectReason.BAD_SYMBOL, "detail, \"quoted\"", raw);

        String line = record.toJsonLine();

        assertThat(line).doesNotContain("\n");
        assertThat(QuarantineRecord.parseJsonLine(line)).isEqualTo(record);
        assertThatThrownBy(() -> QuarantineRecord.parseJsonLine("garbage"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
