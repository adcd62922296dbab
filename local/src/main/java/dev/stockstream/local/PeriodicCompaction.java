package dev.stockstream.local;

import dev.stockstream.model.OutputLayout;
import dev.stockstream.spark.HistoryCompactionJob;
import dev.stockstream.spark.JobSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * The history compaction as the chart's ScheduledSparkApplication runs it, on this runner's Spark
 * context in a session of its own, every {@link #EVERY}; the streaming job goes on meanwhile. A run
 * that fails is reported in one line and retried at the next turn.
 */
final class PeriodicCompaction implements AutoCloseable {

    static final Duration EVERY = Duration.ofMinutes(10);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "history-compaction");
        thread.setDaemon(true);
        return thread;
    });

    PeriodicCompaction(SparkSession spark, JobSettings settings, PrintStream progress) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                long moved = HistoryCompactionJob.runOnce(spark, settings);
                if (moved > 0) {
                    progress.println("history compaction: moved " + moved + " batches into "
                            + settings.resolve(OutputLayout.HISTORY_DIR));
                }
            } catch (Exception e) {
                progress.println("history compaction failed, retried in " + EVERY.toMinutes() + " min: " + e.getMessage());
            }
        }, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }
}
