package dev.stockstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        String raw = "{\"symbol\":\"x\",\n\"price\":\"<b>\u00e9,\u0000\"}";
        Rejection rejection = new Rejection(RejectReason.BAD_SYMBOL, "detail, \"quoted\"");
        QuarantineRecord record = QuarantineRecord.of(7, "stockTopic", 3, 1234567, rejection, raw.getBytes(StandardCharsets.UTF_8));

        String line = record.toJsonLine();

        assertThat(line).doesNotContain("\n").contains("\"raw_value\":").doesNotContain("raw_base64");
        assertThat(QuarantineRecord.parseJsonLine(line)).isEqualTo(record);
        assertThat(QuarantineRecord.parseJsonLine(line).keptBytes()).isEqualTo(raw.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> QuarantineRecord.parseJsonLine("garbage"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesThatAreNotUtf8AreKeptByteExactInBase64() {
        byte[] raw = {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, '}'};
        QuarantineRecord record = QuarantineRecord.of(1, "t", 0, 5, new Rejection(RejectReason.UNPARSEABLE_JSON, "bad"), raw);

        QuarantineRecord read = QuarantineRecord.parseJsonLine(record.toJsonLine());

        assertThat(read.rawValue()).isNull();
        assertThat(read.keptBytes()).isEqualTo(raw);
        assertThat(read.rawLength()).isEqualTo(raw.length);
        assertThat(read.rawTruncated()).isFalse();
    }

    @Test
    void aHugeValueIsCappedAndItsWholeLengthRecorded() {
        byte[] huge = new byte[1_000_000];
        Arrays.fill(huge, (byte) 'a');
        QuarantineRecord record = QuarantineRecord.of(1, "t", 0, 5, new Rejection(RejectReason.UNPARSEABLE_JSON, "bad"),
                huge, 0, huge.length, 100);

        QuarantineRecord read = QuarantineRecord.parseJsonLine(record.toJsonLine());

        assertThat(read.keptBytes()).isEqualTo(Arrays.copyOf(huge, 100));
        assertThat(read.rawLength()).isEqualTo(1_000_000);
        assertThat(read.rawTruncated()).isTrue();
        assertThat(QuarantineRecord.of(1, "t", 0, 5, new Rejection(RejectReason.EMPTY_VALUE, "none"), null).keptBytes()).isNull();
    }
}
