package dev.stockstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OutputLayoutTest {

    @Test
    void batchDirectoriesAreZeroPaddedToTwentyDigitsSoTheySortLikeIds() {
        assertThat(OutputLayout.batchDir(42)).isEqualTo("batches/batch=00000000000000000042");
        assertThat(OutputLayout.batchDataFile(7)).isEqualTo("batches/batch=00000000000000000007/part-00000.csv");
        assertThat(OutputLayout.batchDirName(Long.MAX_VALUE)).isEqualTo("batch=09223372036854775807");
        assertThat(OutputLayout.batchDirName(9)).isLessThan(OutputLayout.batchDirName(10));
        assertThatThrownBy(() -> OutputLayout.batchDirName(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyCommittedBatchNamesParseAsBatches() {
        assertThat(OutputLayout.parseBatchDirName("batch=00000000000000000042")).hasValue(42);
        assertThat(OutputLayout.parseBatchDirName(OutputLayout.batchDirName(123456))).hasValue(123456);
        assertThat(OutputLayout.parseBatchDirName("_tmp-batch=00000000000000000042-a1")).isEmpty();
        assertThat(OutputLayout.parseBatchDirName("batch=42")).isEmpty();
        assertThat(OutputLayout.parseBatchDirName("batch=0000000000000000004x")).isEmpty();
        assertThat(OutputLayout.parseBatchDirName("_LATEST")).isEmpty();
        assertThat(OutputLayout.parseBatchDirName(null)).isEmpty();
    }

    @Test
    void temporaryNamesAreHiddenAndUniquePerAttempt() {
        String first = OutputLayout.tempBatchDir(42, "a");
        assertThat(first).startsWith("batches/_").contains(OutputLayout.batchDirName(42));
        assertThat(first).isNotEqualTo(OutputLayout.tempBatchDir(42, "b"));
        assertThat(OutputLayout.tempQuarantineDir(42, "a")).startsWith("quarantine/_");
    }

    @Test
    void thePointerRoundTripsAndRejectsGarbage() {
        assertThat(OutputLayout.parsePointer(OutputLayout.pointerContent(99))).isEqualTo(OptionalLong.of(99));
        assertThat(OutputLayout.parsePointer("")).isEmpty();
        assertThat(OutputLayout.parsePointer("12a")).isEmpty();
        assertThat(OutputLayout.parsePointer("-1")).isEmpty();
        assertThat(OutputLayout.parsePointer("99999999999999999999")).isEmpty();
        assertThat(OutputLayout.parsePointer(null)).isEmpty();
    }
}
