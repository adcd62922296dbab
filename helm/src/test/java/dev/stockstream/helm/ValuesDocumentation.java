package dev.stockstream.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # --} comments of values.yaml (the helm-docs convention): which keys carry one, and
 * the values table of helm/README.md generated from them. A key whose children carry no comment
 * of their own (e.g. {@code resources}) is documented as a whole.
 */
public final class ValuesDocumentation {

    /** One key of values.yaml, with its dotted path, its description (null if none) and its line. */
    public record Key(String path, int indent, String description, int line) {
    }

    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_]+):(\\s.*)?$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*#(.*)$");

    private ValuesDocumentation() {
    }

    public static List<Key> keys(String valuesYaml) {
        List<String> lines = valuesYaml.lines().toList();
        List<Key> keys = new ArrayList<>();
        List<Key> stack = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (!key.matches()) {
                continue;
            }
            int indent = key.group(1).length();
            while (!stack.isEmpty() && stack.get(stack.size() - 1).indent() >= indent) {
                stack.remove(stack.size() - 1);
            }
            String path = stack.isEmpty() ? key.group(2) : stack.get(stack.size() - 1).path() + "." + key.group(2);
            Key entry = new Key(path, indent, descriptionAbove(lines, i), i + 1);
            keys.add(entry);
            stack.add(entry);
        }
        return keys;
    }

    private static String descriptionAbove(List<String> lines, int keyLine) {
        int first = keyLine;
        while (first > 0 && COMMENT.matcher(lines.get(first - 1)).matches()) {
            first--;
        }
        StringBuilder description = null;
        for (int i = first; i < keyLine; i++) {
            String text = COMMENT.matcher(lines.get(i)).replaceFirst("$1").strip();
            if (text.startsWith("--")) {
                description = new StringBuilder(text.substring(2).strip());
            } else if (description != null) {
                description.append(' ').append(text);
            }
        }
        return description == null ? null : description.toString();
    }

    /** Documented keys with no documented descendant: the rows of the table. */
    public static List<Key> rows(List<Key> keys) {
        return keys.stream().filter(k -> k.description() != null)
                .filter(k -> keys.stream().noneMatch(d -> d.description() != null && d.path().startsWith(k.path() + ".")))
                .toList();
    }

    /** Keys that are neither documented nor inside a key documented as a whole. */
    public static List<Key> undocumented(List<Key> keys) {
        List<Key> rows = rows(keys);
        return keys.stream().filter(k -> k.description() == null)
                .filter(k -> rows.stream().noneMatch(r -> k.path().startsWith(r.path() + ".")))
                .toList();
    }

    public static String table(String valuesYaml) {
        JsonNode values;
        try {
            values = new ObjectMapper(new YAMLFactory()).readTree(valuesYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder table = new StringBuilder("| Key | Type | Default | Description |\n| --- | --- | --- | --- |\n");
        for (Key row : rows(keys(valuesYaml))) {
            JsonNode value = values;
            for (String part : row.path().split("\\.")) {
                value = value.path(part);
            }
            table.append("| `").append(row.path()).append("` | ").append(type(value)).append(" | `")
                    .append(value.toString().replace("|", "\\|")).append("` | ")
                    .append(row.description().replace("|", "\\|")).append(" |\n");
        }
        return table.toString().strip();
    }

    private static String type(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        } else if (value.isIntegralNumber()) {
            return "int";
        } else if (value.isNumber()) {
            return "float";
        } else if (value.isBoolean()) {
            return "bool";
        } else if (value.isArray()) {
            return "list";
        }
        return "object";
    }
}
