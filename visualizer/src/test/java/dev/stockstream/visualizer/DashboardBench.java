package dev.stockstream.visualizer;

import dev.stockstream.embedded.Directories;
import dev.stockstream.embedded.EmbeddedHdfs;
import dev.stockstream.embedded.FreePorts;
import dev.stockstream.model.BatchRow;
import dev.stockstream.model.OutputLayout;
import dev.stockstream.visualizer.hdfs.Batch;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * bench/dashboard.sh: the dashboard page served by two copies of the packaged app side by side,
 * one over an output root holding 10 batches and one over a root holding 100,000, both in the
 * same MiniDFSCluster. Requests alternate between them, so both see the same machine load.
 * Not a test: run by the script with the test classpath.
 *
 * <p>Arguments: {@code <quarkus-run.jar> [large history size] [measured requests per app]}.
 */
public final class DashboardBench {

    private static final long T0 = 1_732_406_400_000L;
    private static final int SMALL = 10;
    private static final String[] SYMBOLS = {"AAPL", "AMZN", "GOOG", "IBM", "MSFT"};

    public static void main(String[] args) throws Exception {
        Path appJar = Path.of(args[0]);
        int large = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Path work = Path.of("visualizer", "target", "bench");
        Configuration.addDefaultResource("bench-hdfs-site.xml");
        List<Process> apps = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> apps.forEach(Process::destroyForcibly)));
        Path hdfsDir = freshDir(work.resolve("hdfs"));
        try (EmbeddedHdfs hdfs = EmbeddedHdfs.at(hdfsDir, 0).start()) {
            measure(hdfs, appJar, large, requests, work, apps);
        } finally {
            freshDir(hdfsDir); // about 1 GB of blocks: not left behind in target/
        }
    }

    private static void measure(EmbeddedHdfs hdfs, Path appJar, int large, int requests, Path work,
                                List<Process> apps) throws Exception {
        try {
            String small = hdfs.uri() + "/small";
            String big = hdfs.uri() + "/large";
            long started = System.nanoTime();
            writeHistory(hdfs, small, SMALL);
            writeHistory(hdfs, big, large);
            log("history written: %d + %d batch directories in %d s", SMALL, large,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));

            int smallPort = FreePorts.pick();
            int largePort = FreePorts.pick();
            apps.add(startApp(appJar, small, smallPort, work.resolve("app-10.log")));
            apps.add(startApp(appJar, big, largePort, work.resolve("app-100k.log")));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI smallPage = URI.create("http://127.0.0.1:" + smallPort + "/");
            URI largePage = URI.create("http://127.0.0.1:" + largePort + "/");
            awaitReady(client, smallPort);
            awaitReady(client, largePort);

            for (int i = 0; i < 500; i++) {
                get(client, smallPage, SMALL - 1);
                get(client, largePage, large - 1);
            }
            long[] smallMs = new long[requests];
            long[] largeMs = new long[requests];
            for (int i = 0; i < requests; i++) {
                // alternate which goes first so neither always follows the other
                if (i % 2 == 0) {
                    smallMs[i] = get(client, smallPage, SMALL - 1);
                    largeMs[i] = get(client, largePage, large - 1);
                } else {
                    largeMs[i] = get(client, largePage, large - 1);
                    smallMs[i] = get(client, smallPage, SMALL - 1);
                }
            }
            double p50Small = percentile(smallMs, 50);
            double p50Large = percentile(largeMs, 50);
            double p99Large = percentile(largeMs, 99);
            log("p99 at 10 batches: %.3f ms", percentile(smallMs, 99));
            log("batch files the 100k app read from HDFS in all: %s", batchesRead(client, largePort));
            System.out.printf("dashboard_history_ratio=%.3f p50_10=%.3f p50_100k=%.3f p99_100k=%.3f%n",
                    p50Large / p50Small, p50Small, p50Large, p99Large);
        } finally {
            for (Process app : apps) {
                app.destroy();
                if (!app.waitFor(20, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    /** Batch directories in the contract's layout, written in parallel straight to their final names. */
    private static void writeHistory(EmbeddedHdfs hdfs, String root, int batches) throws Exception {
        Configuration conf = EmbeddedHdfs.clientConfiguration();
        // 100,000 tiny writes: re-ask the NameNode to close a file sooner and more often than the tests do
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 5);
        conf.setInt("dfs.client.block.write.locateFollowingBlock.retries", 15);
        int threads = Integer.getInteger("bench.writers", 32);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<FileSystem> clients = new ArrayList<>();
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                FileSystem fs = FileSystem.newInstance(hdfs.uri(), conf);
                clients.add(fs);
                int first = t;
                parts.add(pool.submit(() -> {
                    for (long id = first; id < batches; id += threads) {
                        writeBatch(fs, root, id);
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            write(clients.get(0), new org.apache.hadoop.fs.Path(root + "/" + OutputLayout.LATEST_POINTER),
                    OutputLayout.pointerContent(batches - 1));
        } finally {
            pool.shutdownNow();
            for (FileSystem fs : clients) {
                fs.close();
            }
        }
    }

    private static void writeBatch(FileSystem fs, String root, long id) throws IOException {
        StringBuilder csv = new StringBuilder(BatchRow.CSV_HEADER).append('\n');
        for (int s = 0; s < SYMBOLS.length; s++) {
            double price = 100 + s * 50 + (id % 97) * 0.1;
            csv.append(new BatchRow(id, T0 + id * 5000, SYMBOLS[s], price, price - 1, price + 1, price + 0.1,
                    20 + s, 2000 + 100L * s).toCsvLine()).append('\n');
        }
        String dir = root + "/" + OutputLayout.batchDir(id);
        write(fs, new org.apache.hadoop.fs.Path(dir + "/" + OutputLayout.DATA_FILE), csv.toString());
        write(fs, new org.apache.hadoop.fs.Path(dir + "/" + OutputLayout.SUCCESS_MARKER), "");
    }

    private static void write(FileSystem fs, org.apache.hadoop.fs.Path file, String content) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Process startApp(Path jar, String root, int port, Path logFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("STOCK_OUTPUT_ROOT", root);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return builder.start();
    }

    private static void awaitReady(HttpClient client, int port) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app on port " + port + " did not become ready in 120 s");
    }

    /** One page request, end to end, in ms; fails if the page does not show the expected latest batch. */
    private static long get(HttpClient client, URI page, long expectedLatest) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200
                || !response.body().contains("<dd id=\"batch-id\">" + expectedLatest + "</dd>")) {
            throw new IllegalStateException(page + " answered " + response.statusCode()
                    + " without batch " + expectedLatest);
        }
        return nanos;
    }

    /** The app's own count of batch files read: proof that it never walks the history. */
    private static String batchesRead(HttpClient client, int port) throws Exception {
        String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("visualizer_batches_read_total"))
                .map(line -> line.substring("visualizer_batches_read_total".length()))
                .reduce((a, b) -> a + " " + b).orElse("none");
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static Path freshDir(Path dir) throws IOException {
        Directories.deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    private static void log(String format, Object... args) {
        System.err.printf("[dashboard bench] " + format + "%n", args);
    }
}
