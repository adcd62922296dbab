package dev.stockstream.spark;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a query of {@link StockStreamingJob} after the micro-batch in hand, on demand or when the
 * JVM is asked to stop (SIGTERM is how Kubernetes stops the driver). A batch cut short anyway
 * (the wait is bounded) is not lost: it is replayed from the checkpoint.
 */
public final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    /** Spark stops its SparkContext from a Hadoop shutdown hook of priority 40; higher runs first. */
    private static final int BEFORE_SPARK = 60;

    private GracefulShutdown() {
    }

    /** Registers a shutdown hook; {@code maxWait} bounds how long a running batch may delay the stop. */
    public static void install(StreamingQuery query, Duration maxWait) {
        ShutdownHookManager.get().addShutdownHook(() -> stopAfterBatchInHand(query, maxWait), BEFORE_SPARK,
                maxWait.toMillis() + 10_000, TimeUnit.MILLISECONDS);
    }

    /**
     * Lets the batch being written finish and Spark record it in the checkpoint, keeps the next
     * one from writing, then stops the query. Returns the last batch id committed by this run, or -1.
     */
    public static long stopAfterBatchInHand(StreamingQuery query, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        BatchGate gate = BatchGate.remove(query.runId());
        long lastCommitted = -1;
        try {
            if (gate != null) {
                lastCommitted = gate.requestStopAndAwaitIdle(deadline);
                while (query.isActive() && !checkpointed(query, lastCommitted) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            LOG.info("stopping query {} after batch {}", query.name(), lastCommitted);
            query.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warn("query {} did not stop in time: {}", query.name(), e.getMessage());
        }
        return lastCommitted;
    }

    /** Spark reports a batch's progress after writing it to the checkpoint's commit log. */
    private static boolean checkpointed(StreamingQuery query, long batchId) {
        StreamingQueryProgress progress = query.lastProgress();
        return batchId < 0 || (progress != null && progress.batchId() >= batchId);
    }
}
