package dev.stockstream.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Starts the packaged producer, as its container does, with one bad setting at a time. */
@Timeout(300)
class BadConfigurationIT {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "PRODUCER_SOURCE|kafka|Invalid setting PRODUCER_SOURCE (producer.source): must be csv or synthetic, got 'kafka'",
        "PRODUCER_RATE|0|Invalid setting PRODUCER_RATE (producer.rate): must be from 1 to 10000000 ticks/s, got 0.0",
        "PRODUCER_CSV_PATH|/no/such.csv|Invalid setting PRODUCER_CSV_PATH (producer.csv.path): no readable file at /no/such.csv",
        "PRODUCER_SYMBOLS|a b|Invalid setting PRODUCER_SYMBOLS (producer.symbols): 'a b' is not a symbol",
    })
    void aBadSettingStopsTheStartWithOneLineNamingIt(String env, String value, String expectedLine) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("quarkus.app.jar"))
                .redirectErrorStream(true);
        builder.environment().put(env, value);
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");
        Process process = builder.start();

        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        String output = read(process);

        assertThat(exited).as("the producer exits by itself; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains(expectedLine);
        assertThat(output.lines().filter(line -> line.trim().startsWith("at ")))
                .as("no stack trace in:%n%s", output).isEmpty();
    }

    private static String read(Process process) throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
