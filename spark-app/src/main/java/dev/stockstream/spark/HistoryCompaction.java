package dev.stockstream.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.timestamp_millis;

import dev.stockstream.model.BatchRow;
import dev.stockstream.model.CandleProgress;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.store.CandleReader;
import dev.stockstream.store.CorruptBatchException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed batches older than {@code STOCK_BATCH_RETENTION} into the daily history tables
 * and then removes their directories, so the output root stays bounded however long the job runs.
 * Each run adds one file to each day it touches; once a day is over (before the day of now minus
 * the retention), its files are merged into one ({@link DayMerge}); so are the candle parts of each
 * day the candle watermark has passed.
 * One run handles a range of batch ids: it records the range ({@code history/_RUN}), writes the
 * range's rows as Parquet partitioned by trading day and its quarantine partitioned by day of
 * commit into a staging directory, renames each finished file into its table under a name made of
 * the range (so a rerun replaces it instead of adding a copy), records the last id moved
 * ({@code history/_COMPACTED}), and only then removes the batches. A run killed at any point is
 * redone by the next one from its recorded range: each batch id ends up in the tables exactly once.
 * The newest batches ({@link OutputLayout#NEWEST_BATCHES_KEPT}) and the one the pointer names stay.
 */
final class HistoryCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryCompaction.class);
    private static final String CORRUPT = "_corrupt_record";

    private final SparkSession spark;
    private final JobSettings settings;
    private final Clock clock;
    private final FileSystem fs;
    private BiConsumer<String, Path> fileMoved = (table, file) -> { };

    /** Runs in a session of its own on {@code spark}'s context, with days counted in UTC. */
    HistoryCompaction(SparkSession spark, JobSettings settings, Clock clock) throws IOException {
        this.spark = spark.newSession();
        this.spark.conf().set("spark.sql.session.timeZone", "UTC");
        this.settings = settings;
        this.clock = clock;
        Path root = new Path(settings.outputRoot());
        this.fs = root.getFileSystem(spark.sessionState().newHadoopConf());
    }

    /** For tests: called after each file moved into a table. */
    HistoryCompaction onFileMoved(BiConsumer<String, Path> observer) {
        this.fileMoved = observer;
        return this;
    }

    /** What one run did. */
    record Result(long fromBatch, long toBatch, long batches, long rows) {
        static final Result NOTHING = new Result(-1, -1, 0, 0);
    }

    /** Compacts and removes what is due; returns the range handled, or {@link Result#NOTHING}. */
    Result run() throws IOException {
        DayMerge days = new DayMerge(spark, fs);
        List<Path> tables = List.of(path(OutputLayout.HISTORY_DIR), path(OutputLayout.QUARANTINE_HISTORY_DIR));
        for (Path table : tables) {
            days.restore(table);
        }
        Result result = compactDue();
        LocalDate firstOpenDay = LocalDate.ofInstant(clock.instant().minus(settings.batchRetention()), ZoneOffset.UTC);
        for (Path table : tables) {
            days.mergeDaysBefore(table, firstOpenDay);
        }
        mergeClosedCandleDays();
        return result;
    }

    /**
     * Merges the parts of each candle day the candle watermark has passed: every window of such a day
     * is closed and written, so the candle query never adds to it again. The merged file is named
     * after the newest candle batch it holds, so readers take it as that batch's part.
     */
    private void mergeClosedCandleDays() throws IOException {
        Optional<CandleProgress> progress;
        try {
            progress = new CandleReader(fs, settings.outputRoot()).progress();
        } catch (CorruptBatchException e) {
            LOG.warn("not merging the candle days: {}", e.getMessage());
            return;
        }
        if (progress.isEmpty()) {
            return;
        }
        DayMerge candleDays = new DayMerge(spark, fs, OutputLayout.CANDLE_DAY_PREFIX, files -> OutputLayout.candlePartName(
                Arrays.stream(files).mapToLong(file -> OutputLayout.parseCandlePartName(file.getPath().getName()).orElse(-1))
                        .max().orElseThrow()));
        Path candles = path(OutputLayout.CANDLES_DIR);
        candleDays.restore(candles);
        candleDays.mergeDaysBefore(candles, LocalDate.ofInstant(Instant.ofEpochMilli(progress.get().watermarkMs()), ZoneOffset.UTC));
    }

    private Result compactDue() throws IOException {
        TreeMap<Long, FileStatus> committed = committedBatches();
        long[] range = readRange();
        if (range == null) {
            range = planRange(committed);
            if (range == null) {
                return Result.NOTHING;
            }
            writeText(OutputLayout.COMPACTION_RUN, range[0] + " " + range[1] + "\n");
        } else {
            LOG.info("redoing the compaction of batches {}..{} that an earlier run did not finish", range[0], range[1]);
        }
        Result result = compact(range[0], range[1], committed.subMap(range[0], true, range[1], true));
        writeText(OutputLayout.COMPACTED_POINTER, range[1] + "\n");
        fs.delete(path(OutputLayout.COMPACTION_RUN), false);
        removeBatches(range[0], range[1]);
        LOG.info("compacted batches {}..{} ({} batches, {} rows) into {} and removed them", range[0], range[1],
                result.batches(), result.rows(), path(OutputLayout.HISTORY_DIR));
        return result;
    }

    /** The range after the last compacted id up to the newest batch due, or null when none is due. */
    private long[] planRange(TreeMap<Long, FileStatus> committed) throws IOException {
        long compacted = readLong(OutputLayout.COMPACTED_POINTER).orElse(-1);
        OptionalLong pointer = readLong(OutputLayout.LATEST_POINTER);
        if (pointer.isEmpty()) {
            return null;
        }
        long keepFrom = pointer.getAsLong() - OutputLayout.NEWEST_BATCHES_KEPT + 1;
        Instant dueBefore = clock.instant().minus(settings.batchRetention());
        long to = -1;
        for (Map.Entry<Long, FileStatus> batch : committed.entrySet()) {
            long id = batch.getKey();
            if (id > compacted && id < keepFrom && Instant.ofEpochMilli(batch.getValue().getModificationTime()).isBefore(dueBefore)) {
                to = id;
            }
        }
        return to < 0 ? null : new long[] {compacted + 1, to};
    }

    /** {@code batches}: the committed batches from {@code from} to {@code to}, by id. */
    private Result compact(long from, long to, Map<Long, FileStatus> batches) throws IOException {
        String runName = String.format("part-%020d-%020d", from, to);
        Path staging = path(OutputLayout.HISTORY_DIR + "/" + OutputLayout.TEMP_PREFIX + UUID.randomUUID());
        long rows = 0;
        try {
            List<String> csvs = new ArrayList<>();
            batches.values().forEach(batch -> csvs.add(batch.getPath() + "/" + OutputLayout.DATA_FILE));
            if (!csvs.isEmpty()) {
                Dataset<Row> read = spark.read().schema(csvSchema().add(CORRUPT, DataTypes.StringType))
                        .option("header", true).option("columnNameOfCorruptRecord", CORRUPT)
                        .csv(csvs.toArray(String[]::new))
                        .withColumn("file", input_file_name())
                        .cache();
                for (Row corrupt : read.filter(col(CORRUPT).isNotNull()).select("file").distinct().limit(20).collectAsList()) {
                    LOG.warn("skipping the lines of {} that are not batch rows: it is not what the job writes", corrupt.getString(0));
                }
                Dataset<Row> batchRows = read.filter(col(CORRUPT).isNull()).drop(CORRUPT, "file")
                        .withColumn("date", to_date(timestamp_millis(col("batch_time"))));
                rows = batchRows.count();
                batchRows.repartition(col("date")).write().partitionBy("date").parquet(staging + "/rows");
                moveInto(new Path(staging, "rows"), OutputLayout.HISTORY_DIR, runName);
            }
            compactQuarantine(from, to, batches, new Path(staging, "quarantine"), runName);
        } finally {
            spark.catalog().clearCache();
            fs.delete(staging, true);
        }
        return new Result(from, to, batches.size(), rows);
    }

    /**
     * The quarantine of the range, partitioned by the day its batch was committed (records carry no time):
     * one file a day, each day appended to the run's own staging directory.
     */
    private void compactQuarantine(long from, long to, Map<Long, FileStatus> batches, Path staging, String runName)
            throws IOException {
        Map<String, List<String>> partsByDay = new TreeMap<>();
        for (long id = from; id <= to; id++) {
            FileStatus batch = batches.get(id);
            Path dir = path(OutputLayout.quarantineDir(id));
            if (batch == null || !fs.exists(dir)) {
                continue;
            }
            String day = LocalDate.ofInstant(Instant.ofEpochMilli(batch.getModificationTime()), ZoneOffset.UTC).toString();
            for (FileStatus part : fs.listStatus(dir, candidate -> candidate.getName().endsWith(OutputLayout.QUARANTINE_PART_SUFFIX)
                    && !candidate.getName().startsWith("_"))) {
                partsByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(part.getPath().toString());
            }
        }
        for (Map.Entry<String, List<String>> day : partsByDay.entrySet()) {
            spark.read().schema(quarantineSchema()).json(day.getValue().toArray(String[]::new))
                    .withColumn("date", lit(day.getKey()))
                    .coalesce(1).write().mode(SaveMode.Append).partitionBy("date").parquet(staging.toString());
        }
        if (!partsByDay.isEmpty()) {
            moveInto(staging, OutputLayout.QUARANTINE_HISTORY_DIR, runName);
        }
    }

    /** Renames each Parquet file Spark wrote under {@code staging/date=D/} to {@code table/date=D/<runName>-<n>.parquet}. */
    private void moveInto(Path staging, String table, String runName) throws IOException {
        for (FileStatus day : fs.listStatus(staging, candidate -> candidate.getName().startsWith("date="))) {
            Path target = path(table + "/" + day.getPath().getName());
            fs.mkdirs(target);
            int n = 0;
            for (FileStatus file : fs.listStatus(day.getPath(), candidate -> candidate.getName().endsWith(".parquet"))) {
                Path moved = new Path(target, runName + "-" + n++ + ".parquet");
                fs.delete(moved, false);
                if (!fs.rename(file.getPath(), moved)) {
                    throw new IOException("cannot move " + file.getPath() + " to " + moved);
                }
                fileMoved.accept(table, moved);
            }
        }
    }

    /** The range ends {@link OutputLayout#NEWEST_BATCHES_KEPT} batches below the pointer: its batch is never among them. */
    private void removeBatches(long from, long to) throws IOException {
        for (long id = from; id <= to; id++) {
            fs.delete(path(OutputLayout.quarantineDir(id)), true);
            fs.delete(path(OutputLayout.batchDir(id)), true);
        }
    }

    /** The committed batch directories by id: one listing of {@code batches/} per run. */
    private TreeMap<Long, FileStatus> committedBatches() throws IOException {
        TreeMap<Long, FileStatus> batches = new TreeMap<>();
        try {
            for (FileStatus entry : fs.listStatus(path(OutputLayout.BATCHES_DIR))) {
                OutputLayout.parseBatchDirName(entry.getPath().getName()).ifPresent(id -> batches.put(id, entry));
            }
        } catch (FileNotFoundException e) {
            return batches;
        }
        return batches;
    }

    private long[] readRange() throws IOException {
        String text = readText(OutputLayout.COMPACTION_RUN);
        if (text == null) {
            return null;
        }
        String[] ids = text.trim().split(" ");
        try {
            return new long[] {Long.parseLong(ids[0]), Long.parseLong(ids[1])};
        } catch (RuntimeException e) {
            LOG.warn("{} is not a range of batch ids ({}); planning a new run", path(OutputLayout.COMPACTION_RUN), text.trim());
            return null;
        }
    }

    private OptionalLong readLong(String relative) throws IOException {
        String text = readText(relative);
        return text == null ? OptionalLong.empty() : OutputLayout.parsePointer(text);
    }

    private String readText(String relative) throws IOException {
        try (InputStream in = fs.open(path(relative))) {
            return new String(in.readNBytes(256), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private void writeText(String relative, String content) throws IOException {
        Path temp = path(relative + "." + UUID.randomUUID());
        try (OutputStream out = fs.create(temp, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        fs.delete(path(relative), false);
        if (!fs.rename(temp, path(relative))) {
            throw new IOException("cannot write " + path(relative));
        }
    }

    private Path path(String relative) {
        return new Path(settings.resolve(relative));
    }

    /** The batch CSV's columns ({@link BatchRow#COLUMNS}, in their order) with the types of {@link BatchRow}. */
    static StructType csvSchema() {
        List<DataType> types = List.of(DataTypes.LongType, DataTypes.LongType, DataTypes.StringType, DataTypes.DoubleType,
                DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.LongType, DataTypes.LongType);
        StructType schema = new StructType();
        for (int i = 0; i < BatchRow.COLUMNS.size(); i++) {
            schema = schema.add(BatchRow.COLUMNS.get(i), types.get(i), false);
        }
        return schema;
    }

    static StructType quarantineSchema() {
        return new StructType()
                .add("batch_id", DataTypes.LongType)
                .add("topic", DataTypes.StringType)
                .add("partition", DataTypes.IntegerType)
                .add("offset", DataTypes.LongType)
                .add("reason", DataTypes.StringType)
                .add("detail", DataTypes.StringType)
                .add("raw_length", DataTypes.IntegerType)
                .add("raw_truncated", DataTypes.BooleanType)
                .add("raw_value", DataTypes.StringType)
                .add("raw_base64", DataTypes.StringType);
    }
}
