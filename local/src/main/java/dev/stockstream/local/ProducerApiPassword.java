package dev.stockstream.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the producer's write endpoints in a local run: {@code PRODUCER_API_PASSWORD}
 * when set, else one generated once per data directory and kept in it (readable by its owner
 * only), so that a resumed run keeps the password a user already has.
 */
final class ProducerApiPassword {

    static final String ENV = "PRODUCER_API_PASSWORD";
    static final String FILE = "producer-api-password";

    private ProducerApiPassword() {
    }

    static String of(Path dataDir) {
        String given = System.getenv(ENV);
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the producer's API password in " + file, e);
        }
    }
}
