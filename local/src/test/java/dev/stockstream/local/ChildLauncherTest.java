package dev.stockstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kernel's parent-death signal follows the spawning thread: what the launcher's own thread is for. */
class ChildLauncherTest {

    private final List<Process> started = new ArrayList<>();
    private final ChildLauncher launcher = ChildLauncher.create();

    @AfterEach
    void stopAll() {
        launcher.close();
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aChildOutlivesTheThreadThatAskedForIt() throws Exception {
        assertSetpriv();
        AtomicReference<Process> child = new AtomicReference<>();
        Thread shortLived = new Thread(() -> child.set(sleeper()));
        shortLived.start();
        shortLived.join();

        assertThat(child.get().info().commandLine()).hasValueSatisfying(line -> line.contains("sleep"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(child.get()::isAlive);
    }

    @Test
    void closingTheLauncherKillsWhatItStarted() {
        assertSetpriv();
        Process child = sleeper();

        launcher.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
    }

    @Test
    void withoutSetprivTheCommandIsStartedAsIs() throws Exception {
        try (ChildLauncher plain = ChildLauncher.onPath("/nonexistent")) {
            Process child = plain.start(new ProcessBuilder("true"));
            started.add(child);

            assertThat(plain.childrenDieWithRunner()).isFalse();
            assertThat(child.waitFor()).isZero();
        }
    }

    private void assertSetpriv() {
        assertThat(launcher.childrenDieWithRunner()).as("setpriv is missing: install util-linux").isTrue();
    }

    private Process sleeper() {
        try {
            Process process = launcher.start(new ProcessBuilder("sleep", "60"));
            started.add(process);
            return process;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
