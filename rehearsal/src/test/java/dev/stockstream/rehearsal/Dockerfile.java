package dev.stockstream.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the rehearsal takes from one of the project's Dockerfiles: FROM (after ARG defaults), COPY, ENV, USER, ENTRYPOINT. */
record Dockerfile(String from, List<Copy> copies, Map<String, String> env, OptionalLong user, List<String> entrypoint) {

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

    static Dockerfile parse(Path file) {
        List<String> instructions = instructions(file);
        Map<String, String> args = new LinkedHashMap<>();
        String from = null;
        List<Copy> copies = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        OptionalLong user = OptionalLong.empty();
        List<String> entrypoint = List.of();
        for (String instruction : instructions) {
            String[] parts = instruction.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
            String rest = parts.length > 1 ? substitute(parts[1].strip(), args) : "";
            switch (keyword) {
                case "ARG" -> {
                    int equals = rest.indexOf('=');
                    if (equals > 0) {
                        args.put(rest.substring(0, equals), rest.substring(equals + 1));
                    }
                }
                case "FROM" -> from = rest.split("\\s+")[0];
                case "ENV" -> {
                    Matcher pair = ENV_PAIR.matcher(rest);
                    while (pair.find()) {
                        String value = pair.group(2);
                        if (value.startsWith("\"")) {
                            value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
                        }
                        env.put(pair.group(1), value);
                    }
                }
                case "COPY" -> {
                    List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
                    words.removeIf(word -> word.startsWith("--"));
                    copies.add(new Copy(words.subList(0, words.size() - 1), words.get(words.size() - 1)));
                }
                case "USER" -> user = rest.matches("\\d+") ? OptionalLong.of(Long.parseLong(rest)) : user;
                case "ENTRYPOINT" -> entrypoint = json(rest);
                default -> {
                    // RUN (packages of the real image), EXPOSE, LABEL: nothing to rehearse.
                }
            }
        }
        if (from == null) {
            throw new IllegalArgumentException(file + " has no FROM");
        }
        return new Dockerfile(from, copies, env, user, entrypoint);
    }

    private static List<String> json(String array) {
        try {
            return List.of(new ObjectMapper().readValue(array, String[].class));
        } catch (IOException e) {
            throw new IllegalArgumentException("ENTRYPOINT is not a JSON array: " + array, e);
        }
    }

    private static String substitute(String text, Map<String, String> args) {
        String result = text;
        for (Map.Entry<String, String> arg : args.entrySet()) {
            result = result.replace("${" + arg.getKey() + "}", arg.getValue()).replace("$" + arg.getKey(), arg.getValue());
        }
        return result;
    }

    private static List<String> instructions(Path file) {
        try {
            List<String> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                String stripped = line.strip();
                if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                    continue;
                }
                if (stripped.endsWith("\\")) {
                    current.append(stripped, 0, stripped.length() - 1).append(' ');
                } else {
                    current.append(stripped);
                    instructions.add(current.toString());
                    current.setLength(0);
                }
            }
            return instructions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A COPY from the build context (the repository root) into the image. */
    record Copy(List<String> sources, String destination) {

        /**
         * The directory of the image this copy writes into that the rehearsal mounts: the shortest
         * leading part of its destination directory that holds none of the base image's mount
         * paths (so {@code /deployments} for {@code /deployments/lib/}, but {@code /opt/stockstream}
         * beside a base's {@code /opt/spark}).
         */
        String mountPath(java.util.Set<String> baseMounts) {
            Path directory = destination.endsWith("/") ? Path.of(destination) : Path.of(destination).getParent();
            for (int length = 1; length <= directory.getNameCount(); length++) {
                String candidate = "/" + directory.subpath(0, length);
                if (baseMounts.stream().noneMatch(mount -> (mount + "/").startsWith(candidate + "/"))) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("COPY into " + destination + " would replace a path of the base image");
        }

        /** Writes the copy into {@code fragment} (hard links where the file system allows, as the files are only read). */
        void apply(Path context, Path fragment) {
            Path target = fragment.resolve(destination.substring(1));
            try {
                for (String source : sources) {
                    for (Path match : glob(context, source)) {
                        boolean intoDirectory = destination.endsWith("/") || sources.size() > 1 || source.contains("*");
                        if (Files.isDirectory(match)) {
                            copyTree(match, target);
                        } else {
                            Path file = intoDirectory ? target.resolve(match.getFileName().toString()) : target;
                            link(match, file);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot apply COPY " + sources + " " + destination, e);
            }
        }

        private static List<Path> glob(Path context, String source) throws IOException {
            Path path = context.resolve(source.replaceAll("/$", ""));
            String name = path.getFileName().toString();
            if (!name.contains("*")) {
                if (!Files.exists(path)) {
                    throw new IllegalStateException("the image's COPY source " + path + " does not exist: build it first"
                            + " (./mvnw -B package -DskipTests)");
                }
                return List.of(path);
            }
            List<Path> matches = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path.getParent(), name)) {
                entries.forEach(matches::add);
            }
            return matches;
        }

        private static void copyTree(Path source, Path target) throws IOException {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path destinationFile = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(destinationFile);
                    } else {
                        link(file, destinationFile);
                    }
                }
            }
        }

        private static void link(Path source, Path target) throws IOException {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            try {
                Files.createLink(target, source);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, target);
            }
        }
    }
}
