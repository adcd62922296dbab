package dev.stockstream.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatePacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void ticksAreDueEvenlyAtTheRate() {
        RatePacer pacer = new RatePacer(100, 0);
        long sent = 0;
        for (long now = 0; now < 10 * SECOND; now += SECOND / 1000) {
            long due = pacer.due(now);
            pacer.sent(due);
            sent += due;
        }
        assertThat(sent).isBetween(999L, 1001L);
    }

    @Test
    void theRateHoldsWithoutDriftOverLongRuns() {
        RatePacer pacer = new RatePacer(333.3, 0);
        long sent = 0;
        for (long now = 0; now < 3600 * SECOND; now += 7_777_777) {
            long due = pacer.due(now);
            pacer.sent(due);
            sent += due;
        }
        assertThat(sent).isBetween(1_199_870L, 1_199_890L);
    }

    @Test
    void aLongStallIsForgivenNotPaidBackInABurst() {
        RatePacer pacer = new RatePacer(1000, 0);
        pacer.sent(pacer.due(0));

        long dueAfterStall = pacer.due(30 * SECOND);

        assertThat(dueAfterStall).isEqualTo(1);
        pacer.sent(1);
        assertThat(pacer.due(30 * SECOND + SECOND / 10)).isBetween(99L, 101L);
    }

    @Test
    void aShortDelayIsCaughtUp() {
        RatePacer pacer = new RatePacer(1000, 0);
        pacer.sent(pacer.due(0));

        assertThat(pacer.due(SECOND / 2)).isBetween(499L, 501L);
    }

    @Test
    void itWaitsUntilTheNextTickIsDue() {
        RatePacer pacer = new RatePacer(10, 0);
        pacer.sent(pacer.due(0));

        assertThat(pacer.due(SECOND / 20)).isZero();
        assertThat(pacer.nanosUntilNext(SECOND / 20)).isEqualTo(SECOND / 20);
    }
}
