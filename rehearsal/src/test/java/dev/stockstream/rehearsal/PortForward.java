package dev.stockstream.rehearsal;

import dev.stockstream.helm.Rendered;

/**
 * {@code kubectl port-forward service/NAME LOCAL:PORT} as kubectl does it: the Service picks one
 * of its pods and the target port its {@code PORT} maps to, and a forwarder on this machine's
 * loopback connects {@code LOCAL} straight to that pod.
 */
final class PortForward implements AutoCloseable {

    private final Process forwarder;
    private final int localPort;

    private PortForward(Process forwarder, int localPort) {
        this.forwarder = forwarder;
        this.localPort = localPort;
    }

    static PortForward play(Cluster cluster, Release release, String service, int localPort, int servicePort) {
        Rendered rendered = release.rendered();
        var object = rendered.get("Service", service);
        Pod pod = cluster.select(object.path("spec").path("selector")).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("service " + service + " selects no pod"));
        int target = -1;
        for (var port : object.path("spec").path("ports")) {
            if (port.path("port").asInt() == servicePort) {
                target = Cluster.targetPort(pod.spec(), port);
            }
        }
        if (target < 0) {
            throw new IllegalStateException("service " + service + " has no port " + servicePort);
        }
        Process process = Forwarder.start(null, localPort, pod.host().address(), target,
                cluster.workDirectory().resolve("forwarders"));
        Fetch.Attempt<Boolean> listening = () -> {
            try (var socket = new java.net.Socket("127.0.0.1", localPort)) {
                return true;
            }
        };
        Waits.until(cluster, "the port-forward listening on localhost:" + localPort, java.time.Duration.ofSeconds(30), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the port-forward ended: is localhost:" + localPort + " taken?");
            }
            return listening.get();
        });
        return new PortForward(process, localPort);
    }

    int localPort() {
        return localPort;
    }

    @Override
    public void close() {
        forwarder.destroyForcibly();
    }
}
