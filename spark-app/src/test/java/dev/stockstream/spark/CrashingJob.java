package dev.stockstream.spark;

import dev.stockstream.store.CommitStep;

/**
 * The job with a fault injected: halts the JVM (as {@code kill -9} would, no shutdown hooks) when
 * the commit of batch {@code CRASH_FROM_BATCH} or a later one reaches step {@code CRASH_AT}.
 */
public final class CrashingJob {

    static final int CRASH_EXIT_CODE = 86;

    private CrashingJob() {
    }

    public static void main(String[] args) throws Exception {
        CommitStep target = CommitStep.valueOf(System.getenv("CRASH_AT"));
        long fromBatch = Long.parseLong(System.getenv("CRASH_FROM_BATCH"));
        CommitStep.observe((step, batchId) -> {
            if (step == target && batchId >= fromBatch) {
                System.out.println("crashing at " + step + " of batch " + batchId);
                System.out.flush();
                Runtime.getRuntime().halt(CRASH_EXIT_CODE);
            }
        });
        StockStreamingJob.main(args);
    }
}
