package dev.stockstream.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The images a release names, as stand-ins: the upstream ones ({@code apache/kafka},
 * {@code apache/hadoop}, {@code apache/spark}, the UBI OpenJDK runtime, {@code busybox}) from the
 * fragments that {@code rehearsal/images} builds, and the project's own from their Dockerfiles in
 * {@code k8s/} applied on top of those.
 */
final class Images {

    private static final Map<String, String> UPSTREAM = Map.of(
            "apache/kafka", "kafka",
            "apache/hadoop", "hadoop",
            "apache/spark", "spark",
            "registry.access.redhat.com/ubi9/openjdk-17-runtime", "openjdk",
            "busybox", "busybox");

    private final Path repoRoot;
    private final Path workDirectory;
    private final Map<String, Image> resolved = new ConcurrentHashMap<>();

    Images(Path repoRoot, Path workDirectory) {
        this.repoRoot = repoRoot;
        this.workDirectory = workDirectory;
    }

    /** The stand-in of {@code reference} ({@code repository:tag}, with or without a registry prefix). */
    Image resolve(String reference) {
        return resolved.computeIfAbsent(reference, this::load);
    }

    private Image load(String reference) {
        String repository = reference.contains(":") ? reference.substring(0, reference.lastIndexOf(':')) : reference;
        String upstream = UPSTREAM.get(repository);
        if (upstream != null) {
            return Fragment.read(reference, repoRoot.resolve("rehearsal/images").resolve(upstream).resolve("target/image"));
        }
        String project = repository.substring(repository.lastIndexOf('/') + 1);
        Path dockerfile = repoRoot.resolve("k8s").resolve(project).resolve("Dockerfile");
        if (repository.startsWith("stockstream/") || repository.contains("/stockstream/")) {
            if (Files.isRegularFile(dockerfile)) {
                return fromDockerfile(reference, dockerfile);
            }
        }
        throw new IllegalArgumentException("the rehearsal has no stand-in for image " + reference
                + " (it knows " + UPSTREAM.keySet() + " and the project's own images of k8s/*/Dockerfile)");
    }

    private Image fromDockerfile(String reference, Path file) {
        Dockerfile dockerfile = Dockerfile.parse(file);
        Image base = resolve(dockerfile.from());
        Path fragment = workDirectory.resolve("images").resolve(file.getParent().getFileName().toString());
        Map<String, List<Path>> layers = new LinkedHashMap<>();
        base.layers().forEach((path, dirs) -> layers.put(path, new ArrayList<>(dirs)));
        for (Dockerfile.Copy copy : dockerfile.copies()) {
            String mountPath = copy.mountPath(base.layers().keySet());
            copy.apply(repoRoot, fragment);
            List<Path> dirs = layers.computeIfAbsent(mountPath, p -> new ArrayList<>());
            Path layer = fragment.resolve(mountPath.substring(1));
            if (!dirs.contains(layer)) {
                dirs.add(0, layer);
            }
        }
        Map<String, String> env = new LinkedHashMap<>(base.env());
        env.putAll(dockerfile.env());
        return new Image(reference, layers, env,
                dockerfile.entrypoint().isEmpty() ? base.entrypoint() : dockerfile.entrypoint(),
                dockerfile.entrypoint().isEmpty() ? base.cmd() : List.of(),
                base.passwd(), base.group(), dockerfile.user().orElse(base.user()), base.workingDir());
    }

    /** One fragment of {@code rehearsal/images/<name>/target/image}: MOUNTS, ENV, PASSWD, GROUP, ENTRYPOINT, CMD, USER, WORKDIR. */
    static final class Fragment {

        private Fragment() {
        }

        static Image read(String reference, Path root) {
            if (!Files.isRegularFile(root.resolve("MOUNTS"))) {
                throw new IllegalStateException("the stand-in of " + reference + " is not built: " + root
                        + "/MOUNTS is missing (run ./mvnw -B -f rehearsal/images/pom.xml package)");
            }
            Map<String, List<Path>> layers = new LinkedHashMap<>();
            for (String path : lines(root.resolve("MOUNTS"))) {
                layers.put(path, new ArrayList<>(List.of(root.resolve(path.substring(1)))));
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : lines(root.resolve("ENV"))) {
                int equals = line.indexOf('=');
                env.put(line.substring(0, equals), line.substring(equals + 1)
                        .replace("@JAVA_HOME@", System.getProperty("java.home")));
            }
            List<String> user = lines(root.resolve("USER"));
            List<String> workdir = lines(root.resolve("WORKDIR"));
            return new Image(reference, layers, env, lines(root.resolve("ENTRYPOINT")), lines(root.resolve("CMD")),
                    root.resolve("PASSWD"), root.resolve("GROUP"), user.isEmpty() ? 0 : Long.parseLong(user.get(0)),
                    workdir.isEmpty() ? "/" : workdir.get(0));
        }

        private static List<String> lines(Path file) {
            if (!Files.exists(file)) {
                return List.of();
            }
            try {
                return Files.readAllLines(file).stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
