package dev.stockstream.spark;

import dev.stockstream.model.OutputLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites each finished day of a table partitioned by day (the history's {@code date=YYYY-MM-DD/},
 * one file per compaction run; the candles' {@code day=YYYY-MM-DD/}, one per candle batch) that
 * holds several files into one file. The day's directory is swapped whole: moved aside, then the
 * merged directory renamed into its place, then the old one deleted. A reader sees the day's old
 * files or the merged one, never both; a merge killed between the two renames leaves the day aside
 * ({@code _old-date=...}), and the next merge puts it back before anything else.
 */
final class DayMerge {

    private static final Logger LOG = LoggerFactory.getLogger(DayMerge.class);
    private static final String ASIDE_PREFIX = "_old-";

    private final SparkSession spark;
    private final FileSystem fs;
    private final String dayPrefix;
    private final Function<FileStatus[], String> mergedName;

    /** For the history tables: days {@code date=...}, the merged file {@code part-merged-0.parquet}. */
    DayMerge(SparkSession spark, FileSystem fs) {
        this(spark, fs, "date=", files -> "part-merged-0.parquet");
    }

    /** {@code mergedName}: the name of the merged file, from the files it replaces. */
    DayMerge(SparkSession spark, FileSystem fs, String dayPrefix, Function<FileStatus[], String> mergedName) {
        this.spark = spark;
        this.fs = fs;
        this.dayPrefix = dayPrefix;
        this.mergedName = mergedName;
    }

    /** Puts back the days a killed merge left aside; called before anything else writes to {@code table}. */
    void restore(Path table) throws IOException {
        for (FileStatus aside : list(table)) {
            if (aside.getPath().getName().startsWith(ASIDE_PREFIX + dayPrefix)) {
                restore(table, aside.getPath());
            }
        }
    }

    /** Merges every day of {@code table} before {@code firstOpenDay} that has more than one file. */
    void mergeDaysBefore(Path table, LocalDate firstOpenDay) throws IOException {
        for (FileStatus day : list(table)) {
            if (!day.getPath().getName().startsWith(dayPrefix)) {
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(day.getPath().getName().substring(dayPrefix.length()));
            } catch (RuntimeException e) {
                LOG.warn("{} is not a day partition of the history; leaving it alone", day.getPath());
                continue;
            }
            FileStatus[] files = fs.listStatus(day.getPath(), candidate -> candidate.getName().endsWith(".parquet"));
            if (date.isBefore(firstOpenDay) && files.length > 1) {
                merge(table, day.getPath(), files);
            }
        }
    }

    private void merge(Path table, Path day, FileStatus[] files) throws IOException {
        Path staging = new Path(table, OutputLayout.TEMP_PREFIX + "merge-" + UUID.randomUUID());
        try {
            spark.read().parquet(day.toString()).coalesce(1).write().parquet(staging.toString());
            Path merged = new Path(staging, "merged");
            fs.mkdirs(merged);
            FileStatus[] written = fs.listStatus(staging, candidate -> candidate.getName().endsWith(".parquet"));
            if (written.length != 1) {
                throw new IOException("merging " + day + " wrote " + written.length + " files, expected one");
            }
            fs.rename(written[0].getPath(), new Path(merged, mergedName.apply(files)));
            Path aside = new Path(table, ASIDE_PREFIX + day.getName() + "-" + UUID.randomUUID());
            rename(day, aside);
            rename(merged, day);
            fs.delete(aside, true);
            LOG.info("merged the {} files of {} into one", files.length, day);
        } finally {
            fs.delete(staging, true);
        }
    }

    /** Puts back a day a killed merge moved aside, or drops it when the merged day is in place. */
    private void restore(Path table, Path aside) throws IOException {
        String name = aside.getName().substring(ASIDE_PREFIX.length());
        Path day = new Path(table, name.substring(0, dayPrefix.length() + "YYYY-MM-DD".length()));
        if (fs.exists(day)) {
            fs.delete(aside, true);
        } else {
            LOG.warn("putting back {}, which a merge killed half-way had moved aside", day);
            rename(aside, day);
        }
    }

    private FileStatus[] list(Path table) throws IOException {
        try {
            return fs.listStatus(table);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }
}
