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

    /** As {@link #fromPod(Cluster, String, String, String)}, as the producer's API user (its write endpoints). */
    static String asOperator(Cluster cluster, String pod, String url, String method, String password) {
        Network.Host host = cluster.pod(pod).orElseThrow(() -> new IllegalStateException("no pod " + pod)).host();
        Shell.Result result = Shell.attempt("ip", "netns", "exec", host.namespace(), "curl", "-sS", "-f", "-m", "10",
                "-u", "operator:" + password, "-X", method, url);
        return result.exitCode() == 0 ? result.output() : null;
    }

    /** The HTTP status {@code url} answers {@code method} with, from pod {@code pod}'s host, without a credential. */
    static int status(Cluster cluster, String pod, String url, String method) {
        Network.Host host = cluster.pod(pod).orElseThrow(() -> new IllegalStateException("no pod " + pod)).host();
        Shell.Result result = Shell.attempt("ip", "netns", "exec", host.namespace(), "curl", "-sS", "-m", "10",
                "-o", "/dev/null", "-w", "%{http_code}", "-X", method, url);
        return Integer.parseInt(result.output().trim());
    }

    /** A probe that may throw; null means "not yet". */
    @FunctionalInterface
    interface Attempt<T> {
        T get() throws Exception;
    }
}
