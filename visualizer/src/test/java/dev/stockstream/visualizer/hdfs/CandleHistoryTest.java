package dev.stockstream.visualizer.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockstream.model.Candle;
import dev.stockstream.model.CandleProgress;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.visualizer.TestCandles;
import dev.stockstream.visualizer.config.OutputRoot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candle reader over a {@code file:} root (the same code path as {@code hdfs://}), on Parquet parquet-hadoop wrote. */
class CandleHistoryTest {

    /** 2024-11-24T10:00Z. */
    private static final long TEN_AM = 1_732_406_400_000L + 10 * 3_600_000L;
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;
    private SimpleMeterRegistry registry;
    private URI root;
    private CandleHistory history;

    @BeforeEach
    void open() {
        registry = new SimpleMeterRegistry();
        root = OutputRoot.checked(dir.toUri());
        history = new CandleHistory(HdfsClient.fileSystem(root, Duration.ofSeconds(2)), root, 100_000, registry);
    }

    @AfterEach
    void close() throws Exception {
        history.close();
    }

    private void commit(long batchId, List<Candle> candles) {
        TestCandles.commit(root, new Configuration(), batchId, candles, 0, 0);
    }

    private double partsRead(String outcome) {
        return registry.counter("visualizer.candle.parts.read", "outcome", outcome).count();
    }

    @Test
    void beforeTheFirstCandleBatchTheStateIsWaiting() {
        CandleSnapshot read = history.read(60);
        assertThat(read.state()).isEqualTo(HistorySnapshot.State.WAITING);
        assertThat(read.candles()).isEmpty();
        assertThat(read.mostTraded()).isEmpty();
    }

    @Test
    void readsEveryCandleOfTheNewestWindowsOldestFirstAsWritten() {
        commit(0, TestCandles.windows(TEN_AM, MINUTE, 3, 0, "AAPL", 180.0, "MSFT", 410.0));
        commit(1, TestCandles.windows(TEN_AM + 3 * MINUTE, MINUTE, 2, 1, "AAPL", 183.0, "MSFT", 413.0));
        CandleSnapshot read = history.read(3);
        assertThat(read.state()).isEqualTo(HistorySnapshot.State.OK);
        assertThat(read.batchId()).isEqualTo(1);
        assertThat(read.windows()).isEqualTo(3);
        assertThat(read.intervalMs()).hasValue(MINUTE);
        assertThat(read.of("AAPL")).extracting(Candle::windowStart)
                .containsExactly(TEN_AM + 2 * MINUTE, TEN_AM + 3 * MINUTE, TEN_AM + 4 * MINUTE);
        assertThat(read.of("MSFT").get(0)).isEqualTo(
                TestCandles.candle("MSFT", TEN_AM + 2 * MINUTE, MINUTE, 412, 414, 411, 413, 12, 300, 0));
        assertThat(history.read(60).windows()).isEqualTo(5);
    }

    @Test
    void theMostTradedSymbolHasTheMostTicksOverTheCandlesRead() {
        List<Candle> candles = new ArrayList<>();
        candles.add(TestCandles.candle("IBM", TEN_AM, MINUTE, 150, 151, 149, 150.5, 500, 10, 0));
        candles.add(TestCandles.candle("AAPL", TEN_AM + MINUTE, MINUTE, 180, 181, 179, 180.5, 40, 9000, 0));
        candles.add(TestCandles.candle("IBM", TEN_AM + MINUTE, MINUTE, 150, 151, 149, 150.5, 5, 10, 0));
        candles.add(TestCandles.candle("MSFT", TEN_AM + MINUTE, MINUTE, 410, 411, 409, 410.5, 30, 10, 0));
        commit(0, candles);
        assertThat(history.read(10).symbols()).containsExactly("IBM", "AAPL", "MSFT");
        assertThat(history.read(10).mostTraded()).hasValue("IBM");
        // over the newest window only, IBM's 500 ticks of the older window do not count
        assertThat(history.read(1).symbols()).containsExactly("AAPL", "MSFT", "IBM");
    }

    @Test
    void eachPartIsReadOnceAndAReadAtTheSamePointerReadsNoPart() {
        commit(0, TestCandles.windows(TEN_AM, MINUTE, 2, 0, "AAPL", 180.0));
        commit(1, TestCandles.windows(TEN_AM + 2 * MINUTE, MINUTE, 2, 1, "AAPL", 182.0));
        history.read(60);
        history.read(60);
        history.read(3);
        assertThat(partsRead("ok")).isEqualTo(2);
        commit(2, TestCandles.windows(TEN_AM + 4 * MINUTE, MINUTE, 1, 2, "AAPL", 184.0));
        assertThat(history.read(60).windows()).isEqualTo(5);
        assertThat(partsRead("ok")).isEqualTo(3);
    }

    @Test
    void onlyThePartsTheWindowsAskedForNeedAreReadAndACorruptOneIsSkippedAndCounted() throws Exception {
        // no writer makes a corrupt part: written straight, below two good candle batches
        try (FileSystem fs = FileSystem.newInstance(root, new Configuration())) {
            TestCandles.writeFile(fs, root, TestCandles.partPath(TestCandles.day(TEN_AM), 0),
                    "PAR1 this is not parquet".getBytes(StandardCharsets.UTF_8));
        }
        commit(1, TestCandles.windows(TEN_AM + MINUTE, MINUTE, 1, 1, "AAPL", 181.0));
        commit(2, TestCandles.windows(TEN_AM + 2 * MINUTE, MINUTE, 1, 2, "AAPL", 182.0));
        assertThat(history.read(2).windows()).isEqualTo(2);
        assertThat(partsRead("corrupt")).as("the older part is not needed for two windows").isZero();
        CandleSnapshot all = history.read(60);
        assertThat(all.state()).isEqualTo(HistorySnapshot.State.OK);
        assertThat(all.windows()).isEqualTo(2);
        assertThat(partsRead("corrupt")).isEqualTo(1);
        commit(3, TestCandles.windows(TEN_AM + 3 * MINUTE, MINUTE, 1, 3, "AAPL", 183.0));
        history.read(60);
        assertThat(partsRead("corrupt")).as("a corrupt part is logged and counted once").isEqualTo(1);
    }

    @Test
    void aPartThatFailsItsChecksumIsCorruptNotAnOutage() throws Exception {
        commit(0, TestCandles.windows(TEN_AM, MINUTE, 1, 0, "AAPL", 180.0));
        commit(1, TestCandles.windows(TEN_AM + MINUTE, MINUTE, 1, 1, "AAPL", 181.0));
        // rewritten behind Hadoop's back: the .crc beside it no longer matches
        Path part = dir.resolve(TestCandles.partPath(TestCandles.day(TEN_AM), 0));
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(part, bytes);
        CandleSnapshot read = history.read(60);
        assertThat(read.state()).isEqualTo(HistorySnapshot.State.OK);
        assertThat(read.of("AAPL")).extracting(Candle::batchId).containsExactly(1L);
        assertThat(partsRead("corrupt")).isEqualTo(1);
    }

    @Test
    void candlesAcrossMidnightAreReadNewestDayFirst() {
        long midnight = TEN_AM + 14 * 3_600_000L;
        commit(0, TestCandles.windows(midnight - 2 * MINUTE, MINUTE, 4, 0, "AAPL", 180.0));
        CandleSnapshot read = history.read(3);
        assertThat(read.of("AAPL")).extracting(Candle::windowStart)
                .containsExactly(midnight - MINUTE, midnight, midnight + MINUTE);
        assertThat(dir.resolve(OutputLayout.candleDayDir(TestCandles.day(midnight)))).isDirectory();
        assertThat(dir.resolve(OutputLayout.candleDayDir(TestCandles.day(midnight - 1)))).isDirectory();
    }

    @Test
    void aPointerThatIsNotTheProgressIsReportedAndTheLastCandlesKept() throws Exception {
        commit(0, TestCandles.windows(TEN_AM, MINUTE, 2, 0, "AAPL", 180.0));
        history.read(60);
        try (FileSystem fs = FileSystem.newInstance(root, new Configuration())) {
            TestCandles.writeFile(fs, root, OutputLayout.CANDLE_POINTER, "<html>oops</html>".getBytes(StandardCharsets.UTF_8));
        }
        CandleSnapshot read = history.read(60);
        assertThat(read.state()).isEqualTo(HistorySnapshot.State.POINTER_UNREADABLE);
        assertThat(read.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("_LATEST"));
        assertThat(read.of("AAPL")).hasSize(2);
    }

    @Test
    void theLateTicksAndTheWatermarkOfThePointerAreMetrics() {
        TestCandles.commit(root, new Configuration(), new CandleProgress(4, TEN_AM + 90_000, 0, 3, 17), List.of());
        CandleSnapshot read = history.read(60);
        assertThat(read.state()).isEqualTo(HistorySnapshot.State.OK);
        assertThat(read.candles()).isEmpty();
        assertThat(registry.get("visualizer.candles.late.ticks").functionCounter().count()).isEqualTo(17);
        assertThat(registry.get("visualizer.candles.late.ticks.last.batch").gauge().value()).isEqualTo(3);
        assertThat(registry.get("visualizer.candles.watermark").gauge().value()).isEqualTo((TEN_AM + 90_000) / 1000.0);
    }
}
