package dev.stockstream.spark;

import java.time.Clock;
import org.apache.spark.sql.SparkSession;

/**
 * The history compaction as a Spark batch job ({@code spark-submit --class
 * dev.stockstream.spark.HistoryCompactionJob}), run on a schedule: by the chart's
 * ScheduledSparkApplication, by the local runner in a session of its own. Reads the job's settings
 * the same way the streaming job does; one run handles what is due and exits.
 */
public final class HistoryCompactionJob {

    private HistoryCompactionJob() {
    }

    public static void main(String[] args) throws Exception {
        JobSettings settings;
        try {
            settings = JobSettings.fromEnvironmentAndArgs(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("stock-history-compaction: " + e.getMessage());
            System.err.println(JobSettings.usage(HistoryCompactionJob.class.getName()));
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("stock-history-compaction").getOrCreate();
        try {
            runOnce(spark, settings);
        } finally {
            spark.stop();
        }
    }

    /** One compaction run on {@code spark} (its own session); returns what it moved. */
    public static long runOnce(SparkSession spark, JobSettings settings) throws Exception {
        return new HistoryCompaction(spark, settings, Clock.systemUTC()).run().batches();
    }
}
