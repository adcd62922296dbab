package dev.stockstream.rehearsal;

/** HTTP from inside a pod's network namespace (its /etc/hosts: the cluster's names), with curl. */
final class Fetch {

    private Fetch() {
    }

    /** What {@code url} answers with status 2xx, fetched from pod {@code pod}'s host; null on any other answer. */
    static String fromPod(Cluster cluster, String pod, String url) {
        return fromPod(cluster, pod, url, "GET");
    }

    static String fromPod(Cluster cluster, String pod, String url, String method) {
        Network.Host host = cluster.pod(pod).orElseThrow(() -> new IllegalStateException("no pod " + pod)).host();
        Shell.Result result = Shell.attempt("ip", "netns", "exec", host.namespace(), "curl", "-sS", "-f", "-m", "10",
                "-X", method, url);
        return result.exitCode() == 0 ? result.output() : null;
    }

    /** A probe that may throw; null means "not yet". */
    @FunctionalInterface
    interface Attempt<T> {
        T get() throws Exception;
    }
}
