package dev.stockstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {

    private static final String MARK = "sleep 61";

    @TempDir
    Path runDir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private Process child;

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void aChildAnEarlierRunLeftRunningIsStoppedAndNamed() throws Exception {
        child = new ProcessBuilder("sleep", "61").start();
        PidFile.write(PidFile.of(runDir, "producer"), child.toHandle());

        Leftovers.clear(runDir, Map.of("producer", MARK), out);

        assertThat(child.isAlive()).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("Stopped the producer an earlier run left running (pid " + child.pid() + ")");
        assertThat(runDir).isEmptyDirectory();
    }

    @Test
    void aPidFileOfAnotherProcessIsDeletedAndItsProcessLeftAlone() throws Exception {
        child = new ProcessBuilder("sleep", "61").start();
        Files.write(PidFile.of(runDir, "producer"), List.of(Long.toString(child.pid()), "2001-01-01T00:00:00Z"));
        PidFile.write(PidFile.of(runDir, "visualizer"), child.toHandle());

        Leftovers.clear(runDir, Map.of("producer", MARK, "visualizer", "quarkus-run.jar"), out);

        assertThat(child.isAlive()).as("a reused pid, and a process that is not the visualizer").isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(runDir).isEmptyDirectory();
    }

    @Test
    void aRunnerStillRunningOnTheDataDirectoryRefusesTheStart() throws IOException {
        PidFile.write(PidFile.of(runDir, Leftovers.RUNNER), ProcessHandle.current());

        assertThatThrownBy(() -> Leftovers.clear(runDir, Map.of(), out))
                .isInstanceOf(PipelineStartException.class)
                .hasMessageContaining("another runner (pid " + ProcessHandle.current().pid() + ")");
        assertThat(PidFile.of(runDir, Leftovers.RUNNER)).exists();
    }

    @Test
    void aGarbledPidFileIsDeleted() throws IOException {
        Files.writeString(PidFile.of(runDir, "producer"), "not a pid\n");

        Leftovers.clear(runDir, Map.of("producer", MARK), out);

        assertThat(runDir).isEmptyDirectory();
    }
}
