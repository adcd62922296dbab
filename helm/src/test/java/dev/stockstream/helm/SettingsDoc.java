package dev.stockstream.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rows of docs/SETTINGS.md: the one list of setting names of the system. */
public final class SettingsDoc {

    /** One setting: its env var, its MicroProfile property, and the modules that read it. */
    public record Setting(String envVar, String property, String readBy) {

        public boolean isReadBy(String module) {
            return readBy.contains(module);
        }
    }

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z0-9_]+)`\\s*\\|\\s*`([a-z0-9.\\-]+)`\\s*\\|[^|]*\\|([^|]*)\\|\\s*$");

    private SettingsDoc() {
    }

    public static List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        for (String line : AppSources.read(Chart.repoRoot().resolve("docs/SETTINGS.md")).lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                settings.add(new Setting(row.group(1), row.group(2), row.group(3).trim()));
            }
        }
        if (settings.isEmpty()) {
            throw new IllegalStateException("docs/SETTINGS.md has no rows of | `ENV_VAR` | `property` | default | read by |");
        }
        return settings;
    }

    public static Setting byEnvVar(String envVar) {
        return settings().stream().filter(s -> s.envVar().equals(envVar)).findFirst()
                .orElseThrow(() -> new AssertionError(envVar + " is not a setting of docs/SETTINGS.md"));
    }

    public static List<String> envVarsReadBy(String module) {
        return settings().stream().filter(s -> s.isReadBy(module)).map(Setting::envVar).toList();
    }
}
