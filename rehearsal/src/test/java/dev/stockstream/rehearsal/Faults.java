package dev.stockstream.rehearsal;

import dev.stockstream.model.OutputLayout;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** What clusters do to pods and hosts, played on a rehearsed release. */
final class Faults {

    private final Cluster cluster;
    private final Release release;
    private final String outputRoot;

    Faults(Cluster cluster, Release release, String outputRoot) {
        this.cluster = cluster;
        this.release = release;
        this.outputRoot = outputRoot;
    }

    /** {@code kill -9} of every container of the pod (an OOM kill, a crash): the kubelet restarts them. */
    Instant kill(String pod) {
        running(pod).kill();
        return Instant.now();
    }

    /** The pod's node lost for good: its containers killed, nothing restarts them until {@link Release#replace}. */
    Instant killForGood(String pod) {
        running(pod).killForGood();
        return Instant.now();
    }

    /**
     * Kills the Spark driver in the middle of a batch (its offsets written to the checkpoint, its
     * commit not yet) and waits until the operator has submitted a new one; returns when it was killed.
     */
    Instant killDriverMidBatch() throws IOException, InterruptedException {
        SparkOperator operator = release.operator();
        int submissions = operator.submissions();
        Path checkpoint = new Path(outputRoot + "/" + OutputLayout.CHECKPOINTS_DIR);
        try (FileSystem fs = FileSystem.newInstance(URI.create(outputRoot), new Configuration())) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (newest(fs, new Path(checkpoint, "offsets")) <= newest(fs, new Path(checkpoint, "commits"))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("no batch under way in " + checkpoint + " for 2 minutes");
                }
                Thread.sleep(20);
            }
        }
        Instant killed = kill(operator.driverPod());
        Waits.until(cluster, "the operator resubmitting the killed driver", Duration.ofMinutes(2),
                () -> operator.submissions() > submissions ? "resubmitted" : null);
        return killed;
    }

    /** Cuts the pod's host off the network for {@code outage} (the fault's length, not a wait), then restores it; returns when. */
    Instant cutOff(String pod, Duration outage) throws InterruptedException {
        Network.Host host = running(pod).host();
        cluster.network().cut(host);
        try {
            Thread.sleep(outage.toMillis());
        } finally {
            cluster.network().restore(host);
        }
        return Instant.now();
    }

    private Pod running(String pod) {
        return cluster.pod(pod).orElseThrow(() -> new IllegalStateException("no pod " + pod));
    }

    /** The highest batch id among a checkpoint log's files ({@code offsets/17}, {@code commits/17}); -1 when none. */
    private static long newest(FileSystem fs, Path log) throws IOException {
        long newest = -1;
        if (fs.exists(log)) {
            for (FileStatus file : fs.listStatus(log)) {
                String name = file.getPath().getName();
                if (name.chars().allMatch(Character::isDigit)) {
                    newest = Math.max(newest, Long.parseLong(name));
                }
            }
        }
        return newest;
    }
}
