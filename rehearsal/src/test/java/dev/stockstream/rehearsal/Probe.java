package dev.stockstream.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One probe of a container's manifest (httpGet or tcpSocket), run as the kubelet runs it: against the pod's address. */
record Probe(JsonNode spec, String address, JsonNode containerPorts) {

    // HTTP/1.1 as the kubelet speaks it: the DataNode's web server answers Java's default h2c upgrade with 400.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    long initialDelayMillis() {
        return spec.path("initialDelaySeconds").asLong(0) * 1000;
    }

    long periodMillis() {
        return spec.path("periodSeconds").asLong(10) * 1000;
    }

    int failureThreshold() {
        return spec.path("failureThreshold").asInt(3);
    }

    int successThreshold() {
        return spec.path("successThreshold").asInt(1);
    }

    /** One attempt: true when the container answers as the probe asks. */
    boolean succeeds() {
        Duration timeout = Duration.ofSeconds(spec.path("timeoutSeconds").asLong(1));
        if (spec.has("httpGet")) {
            JsonNode get = spec.get("httpGet");
            String scheme = get.path("scheme").asText("HTTP").toLowerCase(java.util.Locale.ROOT);
            URI uri = URI.create(scheme + "://" + address + ":" + port(get.get("port")) + get.path("path").asText("/"));
            try {
                int status = HTTP.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                return status >= 200 && status < 400;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (spec.has("tcpSocket")) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port(spec.get("tcpSocket").get("port"))), (int) timeout.toMillis());
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        throw new IllegalArgumentException("the rehearsal runs httpGet and tcpSocket probes only, not " + spec);
    }

    /** A port by number or by the name of one of the container's ports. */
    private int port(JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : containerPorts) {
            if (port.asText().equals(declared.path("name").asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new IllegalArgumentException("probe port " + port.asText() + " names no port of the container " + containerPorts);
    }
}
