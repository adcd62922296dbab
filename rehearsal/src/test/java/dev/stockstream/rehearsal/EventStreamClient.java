package dev.stockstream.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A browser's {@code EventSource} as the HTML standard defines it, on this machine: holds the
 * stream open, and when it breaks waits the server's {@code retry} (3 s until the server sets one)
 * and reconnects to the same URL with {@code Last-Event-ID}. Keeps the newest dashboard event's id
 * and when it arrived.
 */
final class EventStreamClient implements AutoCloseable {

    private final URI url;
    /** HTTP/1.1, as browsers speak to a plain-http origin (they never upgrade to h2c). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread reader;
    private volatile boolean closed;
    private volatile long retryMillis = 3000;
    private volatile String lastEventId;
    private volatile long newestBatchId = -1;
    private volatile Instant newestArrived;
    private volatile int connections;
    private volatile Stream<String> open;
    private volatile String lastBreak = "none";

    EventStreamClient(URI url) {
        this.url = url;
        this.reader = Daemons.start("event-stream " + url, this::run);
    }

    /** Connections opened so far: 1, and one more for each reconnection. */
    int connections() {
        return connections;
    }

    /** The newest batch id a dashboard event carried (-1: none yet). */
    long newestBatchId() {
        return newestBatchId;
    }

    Instant newestArrived() {
        return newestArrived;
    }

    private void run() {
        while (!closed) {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    // A browser's EventSource gives up for good on such an answer.
                    lastBreak = "answered " + response.statusCode() + ": gave up";
                    return;
                }
                connections++;
                try (Stream<String> lines = response.body()) {
                    open = lines;
                    read(lines);
                }
                lastBreak = "the stream ended";
            } catch (IOException | UncheckedIOException e) {
                // the stream broke (reading its lines throws unchecked) or could not be opened:
                // reconnect after the retry delay, as a browser does
                lastBreak = e.toString();
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(retryMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(Stream<String> lines) {
        String event = "message";
        String id = null;
        for (String line : (Iterable<String>) lines::iterator) {
            if (closed) {
                return;
            }
            if (line.isEmpty()) {
                if (id != null) {
                    lastEventId = id;
                    if ("dashboard".equals(event)) {
                        newestBatchId = Math.max(newestBatchId, Long.parseLong(id));
                        newestArrived = Instant.now();
                    }
                }
                event = "message";
                id = null;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("retry:")) {
                retryMillis = Long.parseLong(line.substring(6).strip());
            }
        }
    }

    @Override
    public String toString() {
        return "event stream " + url + ": connections=" + connections + " newest batch=" + newestBatchId
                + " Last-Event-ID=" + lastEventId + " last break: " + lastBreak;
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> lines = open;
        if (lines != null) {
            lines.close();
        }
        reader.interrupt();
        try {
            reader.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
