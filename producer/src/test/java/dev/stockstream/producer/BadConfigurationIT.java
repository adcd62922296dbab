package dev.stockstream.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Starts the packaged producer, as its container does, with one bad setting at a time. Each must
 * stop the start with one line naming the setting and what is wrong. A value that breaks a
 * constraint or rule is named by property and env var; one that does not even convert gets
 * SmallRye's line naming the property and the value. In the expected lines, {@code *} stands
 * for anything on the same line; a value {@code -} means the setting is not set at all.
 */
@Timeout(300)
class BadConfigurationIT {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "PRODUCER_SOURCE|kafka|producer.source*\"kafka\"*allowed values: synthetic,csv",
        "PRODUCER_RATE|0|producer.rate (PRODUCER_RATE) must be from 1 to 10000000 ticks/s, got 0.0",
        "PRODUCER_RATE|fast|producer.rate*\"fast\"*Expected a double value",
        "PRODUCER_CSV_PATH|/no/such.csv|producer.csv.path (PRODUCER_CSV_PATH) must be a readable file, got /no/such.csv",
        "PRODUCER_SYMBOLS|a b|producer.symbols (PRODUCER_SYMBOLS) must be symbols, but 'a b' is not",
        "PRODUCER_API_PASSWORD|short|producer.api.password (PRODUCER_API_PASSWORD) must be set to at least 16 characters: the password of the write endpoints (user operator)",
        "STOCK_KAFKA_CLIENT_CONFIG|/no/such/client.properties|stock.kafka.client.config (STOCK_KAFKA_CLIENT_CONFIG) must be a readable Kafka client properties file, got /no/such/client.properties*",
        "PRODUCER_API_PASSWORD|-|producer.api.password (PRODUCER_API_PASSWORD) must be set to at least 16 characters: the password of the write endpoints (user operator)",
    })
    void aBadSettingStopsTheStartWithOneLineNamingIt(String env, String value, String expectedLine) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("quarkus.app.jar"))
                .redirectErrorStream(true);
        builder.environment().put("PRODUCER_API_PASSWORD", ApiCredential.PASSWORD);
        if (value.equals("-")) {
            builder.environment().remove(env);
        } else {
            builder.environment().put(env, value);
        }
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");
        Process process = builder.start();

        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        String output = read(process);

        assertThat(exited).as("the producer exits by itself; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output.lines()).as("a line like '%s' in:%n%s", expectedLine, output)
                .anyMatch(line -> matches(line, expectedLine));
        assertThat(output.lines().filter(line -> line.trim().startsWith("at ")))
                .as("no stack trace in:%n%s", output).isEmpty();
    }

    private static boolean matches(String line, String expected) {
        String[] pieces = expected.split("\\*");
        int from = 0;
        for (String piece : pieces) {
            int at = line.indexOf(piece, from);
            if (at < 0) {
                return false;
            }
            from = at + piece.length();
        }
        return true;
    }

    private static String read(Process process) throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
