package dev.stockstream.helm;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the apps read, taken from their sources in this repository (not from build outputs, so the
 * check needs no prior build of the apps and cannot read a stale class). A missing app or file
 * fails with a message saying what is missing: the chart is only proven against apps that exist.
 */
public final class AppSources {

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ANY_CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\b");
    private static final Pattern STRING_CONSTANT = Pattern.compile(
            "public\\s+static\\s+final\\s+String\\s+([A-Z_][A-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*;");
    private static final Pattern NAMES_LIST = Pattern.compile(
            "public\\s+static\\s+final\\s+List<String>\\s+NAMES\\s*=\\s*List\\.of\\(([^)]*)\\)\\s*;");
    private static final Pattern DEFAULT_PUT = Pattern.compile(
            "defaults\\.put\\(\\s*([A-Z_][A-Z0-9_]*)\\s*,\\s*\"([^\"]*)\"\\s*\\)\\s*;");
    private static final Pattern PATH_ANNOTATION = Pattern.compile("@Path\\(\\s*\"([^\"]*)\"\\s*\\)");

    private AppSources() {
    }

    public static Path app(String module) {
        Path dir = Chart.repoRoot().resolve(module);
        if (!Files.isDirectory(dir.resolve("src/main"))) {
            throw new IllegalStateException("module " + module + " has no src/main in " + Chart.repoRoot()
                    + ": the chart's wiring to it cannot be checked");
        }
        return dir;
    }

    /** application.properties of a Quarkus app, with the profile prefix ({@code %test.}) kept. */
    public static Properties applicationProperties(String module) {
        Path file = app(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * MicroProfile properties a Quarkus app reads: the keys of its application.properties (any
     * profile), the names of its {@code @ConfigProperty} injections and the properties of its
     * {@code @ConfigMapping} interfaces.
     */
    public static Set<String> quarkusPropertiesRead(String module) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : applicationProperties(module).stringPropertyNames()) {
            names.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        List<String> sources = javaSources(module);
        for (String source : sources) {
            names.addAll(configPropertiesRead(source));
        }
        names.addAll(ConfigMappingSources.propertiesRead(sources));
        return names;
    }

    /** The names of the {@code @ConfigProperty} injections of one source; one without a name fails (its name would be guessed). */
    static List<String> configPropertiesRead(String source) {
        List<String> names = new ArrayList<>();
        Matcher named = CONFIG_PROPERTY.matcher(source);
        while (named.find()) {
            names.add(named.group(1));
        }
        long annotations = ANY_CONFIG_PROPERTY.matcher(source).results().count();
        if (annotations != names.size()) {
            throw new IllegalStateException(annotations - names.size() + " @ConfigProperty without name = \"...\" in a source:"
                    + " the property it reads is not listed");
        }
        return names;
    }

    /** The env var a MicroProfile property is read from: upper case, '.' and '-' as '_'. */
    public static String envVarOf(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * The Spark job's settings: the constants listed in {@code JobSettings.NAMES}, resolved from the
     * {@code public static final String} constants of the same source file.
     */
    public static List<String> sparkJobSettings() {
        String source = jobSettingsSource();
        Map<String, String> constants = stringConstants(source);
        Matcher names = NAMES_LIST.matcher(source);
        if (!names.find()) {
            throw new IllegalStateException("JobSettings.java has no 'public static final List<String> NAMES = List.of(...)'");
        }
        List<String> settings = new ArrayList<>();
        for (String identifier : names.group(1).split(",")) {
            settings.add(constant(constants, identifier.trim(), "JobSettings.NAMES lists"));
        }
        return settings;
    }

    /**
     * The Spark job's defaults, {@code JobSettings.DEFAULTS}: the {@code defaults.put(CONSTANT, "value");}
     * lines of {@code JobSettings.java}, by setting name.
     */
    public static Map<String, String> sparkJobDefaults() {
        String source = jobSettingsSource();
        Map<String, String> constants = stringConstants(source);
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher put = DEFAULT_PUT.matcher(source);
        while (put.find()) {
            defaults.put(constant(constants, put.group(1), "JobSettings.DEFAULTS sets"), put.group(2));
        }
        if (defaults.isEmpty()) {
            throw new IllegalStateException("JobSettings.java has no 'defaults.put(CONSTANT, \"value\");' lines");
        }
        return defaults;
    }

    private static String jobSettingsSource() {
        return read(app("spark-app").resolve("src/main/java/dev/stockstream/spark/JobSettings.java"));
    }

    private static Map<String, String> stringConstants(String source) {
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher constant = STRING_CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        return constants;
    }

    private static String constant(Map<String, String> constants, String identifier, String where) {
        String value = constants.get(identifier);
        if (value == null) {
            throw new IllegalStateException(where + " " + identifier + ", which is no String constant of JobSettings");
        }
        return value;
    }

    /** The root paths of the JAX-RS resources of an app ({@code @Path} on a class). */
    public static Set<String> resourcePaths(String module) {
        Set<String> paths = new LinkedHashSet<>();
        for (String source : javaSources(module)) {
            Matcher matcher = PATH_ANNOTATION.matcher(source);
            if (matcher.find() && source.substring(0, matcher.start()).lines().noneMatch(l -> l.contains("{"))) {
                paths.add(matcher.group(1));
            }
        }
        return paths;
    }

    public static String pom(String module) {
        return read(app(module).resolve("pom.xml"));
    }

    private static List<String> javaSources(String module) {
        try (Stream<Path> files = Files.walk(app(module).resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).map(AppSources::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the chart's wiring to it cannot be checked");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
