package dev.stockstream.rehearsal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting on the rehearsal's conditions, and a failure that shows every pod when one does not come. */
final class Waits {

    private Waits() {
    }

    /** Polls {@code attempt} until it returns non-null; on timeout fails with every pod's state and last log lines. */
    static <T> T until(Cluster cluster, String what, Duration timeout, Fetch.Attempt<T> attempt) {
        Object[] result = new Object[1];
        try {
            await(what).atMost(timeout).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                result[0] = attempt.get();
                return result[0] != null;
            });
        } catch (ConditionTimeoutException e) {
            StringBuilder state = new StringBuilder(what + " did not happen within " + timeout + "\n");
            cluster.pods().forEach(pod -> state.append(pod.name()).append(" ready=").append(pod.ready())
                    .append(" restarts=").append(pod.restarts()).append('\n').append(pod.tail(15)));
            throw new AssertionError(state.toString(), e);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
