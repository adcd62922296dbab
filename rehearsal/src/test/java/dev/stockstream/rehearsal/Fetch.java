package dev.stockstream.rehearsal;

import java.util.ArrayList;
import java.util.List;

/** HTTP from inside a pod's network namespace (its /etc/hosts: the cluster's names), with curl. */
final class Fetch {

    private Fetch() {
    }

    /** What {@code url} answers with status 2xx, fetched from pod {@code pod}'s host; null on any other answer. */
    static String fromPod(Cluster cluster, String pod, String url) {
        return fromPod(cluster, pod, url, "GET");
    }

    static String fromPod(Cluster cluster, String pod, String url, String method) {
        return body(curl(cluster, pod, "-f", "-X", method, url));
    }

    /** As {@link #fromPod(Cluster, String, String, String)}, as the producer's API user (its write endpoints). */
    static String asOperator(Cluster cluster, String pod, String url, String method, String password) {
        return body(curl(cluster, pod, "-f", "-u", "operator:" + password, "-X", method, url));
    }

    /** The HTTP status {@code url} answers {@code method} with, from pod {@code pod}'s host, without a credential. */
    static int status(Cluster cluster, String pod, String url, String method) {
        return Integer.parseInt(curl(cluster, pod, "-o", "/dev/null", "-w", "%{http_code}", "-X", method, url).output().trim());
    }

    private static Shell.Result curl(Cluster cluster, String pod, String... args) {
        Network.Host host = cluster.pod(pod).orElseThrow(() -> new IllegalStateException("no pod " + pod)).host();
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", host.namespace(), "curl", "-sS", "-m", "10"));
        command.addAll(List.of(args));
        return Shell.attempt(command.toArray(String[]::new));
    }

    private static String body(Shell.Result result) {
        return result.exitCode() == 0 ? result.output() : null;
    }

    /** A probe that may throw; null means "not yet". */
    @FunctionalInterface
    interface Attempt<T> {
        T get() throws Exception;
    }
}
