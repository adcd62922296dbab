package dev.stockstream.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A TCP forwarder (Debian's socat): kube-proxy for a Service address, or {@code kubectl port-forward} on this machine. */
final class Forwarder {

    private Forwarder() {
    }

    /** Forwards {@code listenPort} on every address of network namespace {@code namespace} (null: this machine's loopback) to {@code address:port}. */
    static Process start(String namespace, int listenPort, String address, int port, Path logDirectory) {
        List<String> command = new ArrayList<>();
        if (namespace != null) {
            command.addAll(List.of("ip", "netns", "exec", namespace));
        }
        command.addAll(List.of("socat", "TCP-LISTEN:" + listenPort + ",fork,reuseaddr" + (namespace == null ? ",bind=127.0.0.1" : ""),
                "TCP:" + address + ":" + port));
        try {
            Files.createDirectories(logDirectory);
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDirectory
                            .resolve((namespace == null ? "localhost" : namespace) + "-" + listenPort + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start socat (Debian package socat): " + e.getMessage(), e);
        }
    }
}
