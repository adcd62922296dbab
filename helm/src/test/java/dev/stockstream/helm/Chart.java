package dev.stockstream.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart under test, rendered and linted by the real Helm library that helm-java embeds. */
public final class Chart {

    /** The release name of the plain manifests and of the tests' renders. */
    public static final String RELEASE = "stock-streaming";

    private Chart() {
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    }

    public static Path directory() {
        return repoRoot().resolve("helm/stock-streaming");
    }

    /** {@code helm template} with the chart's defaults. */
    public static Rendered render() {
        return render(Map.of());
    }

    /** {@code helm template --set key=value ...}; a failed render (schema, {@code fail}) throws with Helm's message. */
    public static Rendered render(Map<String, ?> sets) {
        return render(RELEASE, sets);
    }

    /** {@code helm template RELEASE ... --set key=value ...}. */
    public static Rendered render(String release, Map<String, ?> sets) {
        return new Rendered(renderText(release, sets));
    }

    public static String renderText(Map<String, ?> sets) {
        return renderText(RELEASE, sets);
    }

    public static String renderText(String release, Map<String, ?> sets) {
        TemplateCommand command = new Helm(directory()).template().withName(release);
        sets.forEach(command::set);
        return command.call();
    }

    /**
     * The {@code helm test} hooks, which helm-java's template leaves out (it returns the release
     * manifest only): the chart is copied with the hook annotations removed and rendered, and
     * only the objects that carried {@code helm.sh/hook: test} are kept.
     */
    public static Rendered renderTestHooks(Map<String, ?> sets) {
        return renderTestHooks(RELEASE, sets);
    }

    public static Rendered renderTestHooks(String release, Map<String, ?> sets) {
        Path copy = Path.of("target", "chart-with-visible-test-hooks").toAbsolutePath();
        List<String> hookFiles = copyWithoutHookAnnotations(copy);
        TemplateCommand command = new Helm(copy).template().withName(release);
        sets.forEach(command::set);
        String text = command.call();
        return new Rendered(Stream.of(text.split("(?m)^---\\n"))
                .filter(document -> hookFiles.stream().anyMatch(file -> document.startsWith("# Source: stock-streaming/" + file)))
                .map(document -> "---\n" + document)
                .reduce("", String::concat));
    }

    private static List<String> copyWithoutHookAnnotations(Path copy) {
        try (Stream<Path> files = Files.walk(directory())) {
            List<String> hookFiles = new java.util.ArrayList<>();
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                String relative = directory().relativize(source).toString();
                Path target = copy.resolve(relative);
                Files.createDirectories(target.getParent());
                String text = Files.readString(source);
                if (text.contains("helm.sh/hook: test")) {
                    hookFiles.add(relative);
                    text = text.replaceAll("(?m)^\\s*(annotations:\\s*|helm\\.sh/hook[-a-z]*:.*)\\n", "");
                }
                Files.writeString(target, text);
            }
            return hookFiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code helm lint --strict}. */
    public static LintResult lint() {
        return new Helm(directory()).lint().strict().call();
    }
}
