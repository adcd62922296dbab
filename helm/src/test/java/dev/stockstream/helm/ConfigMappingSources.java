package dev.stockstream.helm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The properties that the SmallRye {@code @ConfigMapping} interfaces of an app read, parsed from
 * the Java sources: {@code prefix} + each member's {@code @WithName} (or the member's kebab-case
 * name), through nested groups, as SmallRye names them. A form this reader does not know (a
 * naming strategy, a map or list of groups, a member with parameters) fails with a message
 * naming the interface and the member, so that no setting is missed without a word.
 */
public final class ConfigMappingSources {

    private static final Pattern CONFIG_MAPPING = Pattern.compile("@(?:io\\.smallrye\\.config\\.)?ConfigMapping\\b");
    private static final Pattern INTERFACE = Pattern.compile("(?<!@)\\binterface\\s+(\\w+)[^{;]*\\{");
    private static final Pattern PREFIX_ONLY = Pattern.compile("\\s*(?:prefix\\s*=\\s*)?\"([^\"]*)\"\\s*");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern MEMBER = Pattern.compile("(?:(?:public|abstract)\\s+)*(.+?)\\s*\\b(\\w+)\\s*\\(\\s*\\)\\s*");
    private static final Pattern CONTAINER = Pattern.compile("(Map|List|Set|Collection|Iterable)\\s*<(.*)>");
    private static final Pattern OPTIONAL = Pattern.compile("Optional\\s*<(.*)>");

    /** An interface of the sources: its name, where its body lies, and in which source. */
    private record Declaration(String name, Source source, int bodyStart, int bodyEnd) {
    }

    /** One source file: its code without comments, and the same with string literals blanked (same length). */
    private record Source(String code, String masked) {
    }

    /** One member of an interface: its annotations (simple name -> argument text), type and name. */
    private record Member(Map<String, String> annotations, String type, String name) {
    }

    private final Map<String, List<Declaration>> interfaces = new LinkedHashMap<>();
    private final List<Source> sources = new ArrayList<>();

    private ConfigMappingSources(List<String> javaSources) {
        for (String text : javaSources) {
            Source source = lex(text);
            sources.add(source);
            Matcher declaration = INTERFACE.matcher(source.masked());
            while (declaration.find()) {
                int open = declaration.end() - 1;
                interfaces.computeIfAbsent(declaration.group(1), name -> new ArrayList<>())
                        .add(new Declaration(declaration.group(1), source, open + 1, matching(source.masked(), open)));
            }
        }
    }

    /** Every property read by the {@code @ConfigMapping} interfaces of the given Java sources. */
    public static Set<String> propertiesRead(List<String> javaSources) {
        ConfigMappingSources reader = new ConfigMappingSources(javaSources);
        Set<String> properties = new LinkedHashSet<>();
        for (Source source : reader.sources) {
            Matcher annotation = CONFIG_MAPPING.matcher(source.masked());
            while (annotation.find()) {
                reader.readMapping(source, annotation.end(), properties);
            }
        }
        return properties;
    }

    private void readMapping(Source source, int afterAnnotation, Set<String> properties) {
        String prefix = "";
        int at = skipSpace(source.masked(), afterAnnotation);
        if (at < source.masked().length() && source.masked().charAt(at) == '(') {
            String arguments = source.code().substring(at + 1, matching(source.masked(), at));
            Matcher prefixOnly = PREFIX_ONLY.matcher(arguments);
            if (!prefixOnly.matches()) {
                throw new IllegalStateException("@ConfigMapping(" + arguments.strip() + ") is not read: only a string-literal prefix is"
                        + " (a naming strategy, for one, would change every property name)");
            }
            prefix = prefixOnly.group(1);
        }
        Matcher declaration = INTERFACE.matcher(source.masked());
        if (!declaration.find(at)) {
            throw new IllegalStateException("@ConfigMapping(prefix = \"" + prefix + "\") annotates no interface");
        }
        readGroup(declarationOf(declaration.group(1), source, declaration.end()), prefix, properties, new ArrayList<>());
    }

    private Declaration declarationOf(String name, Source source, int bodyStart) {
        return interfaces.get(name).stream().filter(d -> d.source() == source && d.bodyStart() == bodyStart)
                .findFirst().orElseThrow();
    }

    private void readGroup(Declaration group, String prefix, Set<String> properties, List<String> path) {
        if (path.contains(group.name())) {
            throw new IllegalStateException("config group " + group.name() + " contains itself: " + path);
        }
        List<String> inside = new ArrayList<>(path);
        inside.add(group.name());
        for (Member member : members(group)) {
            String where = group.name() + "." + member.name() + "()";
            String property = join(prefix, propertyName(member, where));
            String type = unwrapped(member.type());
            Matcher container = CONTAINER.matcher(type);
            if (container.matches() && (container.group(1).equals("Map") || isGroup(unwrapped(container.group(2)), where))) {
                throw new IllegalStateException(where + " is a " + container.group(1) + " of " + container.group(2)
                        + ": its property names depend on keys or indexes, which this reader does not list");
            }
            if (isGroup(type, where)) {
                readGroup(interfaces.get(type).get(0), property, properties, inside);
            } else {
                properties.add(property);
            }
        }
    }

    private boolean isGroup(String type, String where) {
        List<Declaration> declarations = interfaces.getOrDefault(type, List.of());
        if (declarations.size() > 1) {
            throw new IllegalStateException(where + " has type " + type + ", which names " + declarations.size()
                    + " interfaces of the app: the group to read is ambiguous");
        }
        return declarations.size() == 1;
    }

    private static String unwrapped(String type) {
        Matcher optional = OPTIONAL.matcher(type.strip());
        String raw = optional.matches() ? optional.group(1).strip() : type.strip();
        return raw.substring(raw.lastIndexOf('.', raw.indexOf('<') < 0 ? raw.length() : raw.indexOf('<')) + 1);
    }

    private static String propertyName(Member member, String where) {
        if (member.annotations().containsKey("WithParentName")) {
            return "";
        }
        String withName = member.annotations().get("WithName");
        if (withName != null) {
            Matcher name = STRING.matcher(withName);
            if (!name.find()) {
                throw new IllegalStateException(where + " has @WithName(" + withName + "), which is no string literal");
            }
            return name.group(1);
        }
        if (member.name().matches(".*[A-Z]{2}.*")) {
            throw new IllegalStateException(where + " has no @WithName and consecutive capitals, whose kebab-case"
                    + " name this reader does not guess: give it a @WithName");
        }
        return member.name().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : name.isEmpty() ? prefix : prefix + "." + name;
    }

    /** The abstract methods of an interface body: declarations ending in ';' outside nested bodies, fields left out. */
    private static List<Member> members(Declaration group) {
        String masked = group.source().masked();
        String code = group.source().code();
        List<Member> members = new ArrayList<>();
        int start = group.bodyStart();
        int parens = 0;
        boolean assignment = false;
        for (int i = group.bodyStart(); i < group.bodyEnd(); i++) {
            char c = masked.charAt(i);
            if (c == '(') {
                parens++;
            } else if (c == ')') {
                parens--;
            } else if (parens == 0 && c == '=') {
                assignment = true;
            } else if (parens == 0 && c == '{') {
                i = matching(masked, i);
                start = i + 1;
                assignment = false;
            } else if (parens == 0 && c == ';') {
                if (!assignment) {
                    members.add(member(code, masked, start, i, group.name()));
                }
                start = i + 1;
                assignment = false;
            }
        }
        return members;
    }

    private static Member member(String code, String masked, int from, int to, String group) {
        Map<String, String> annotations = new LinkedHashMap<>();
        int at = skipSpace(masked, from);
        while (at < to && masked.charAt(at) == '@') {
            int nameEnd = at + 1;
            while (nameEnd < to && (Character.isJavaIdentifierPart(masked.charAt(nameEnd)) || masked.charAt(nameEnd) == '.')) {
                nameEnd++;
            }
            String name = masked.substring(at + 1, nameEnd);
            String arguments = "";
            at = skipSpace(masked, nameEnd);
            if (at < to && masked.charAt(at) == '(') {
                int close = matching(masked, at);
                arguments = code.substring(at + 1, close);
                at = skipSpace(masked, close + 1);
            }
            annotations.put(name.substring(name.lastIndexOf('.') + 1), arguments);
        }
        String declaration = masked.substring(at, to);
        Matcher member = MEMBER.matcher(declaration);
        if (!member.matches()) {
            throw new IllegalStateException("cannot read the member '" + code.substring(at, to).strip() + "' of " + group
                    + " (a config member is 'Type name()')");
        }
        return new Member(annotations, member.group(1), member.group(2));
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The index of the bracket closing the one at {@code open} ('(' or '{'), in masked text. */
    private static int matching(String masked, int open) {
        char opening = masked.charAt(open);
        char closing = opening == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < masked.length(); i++) {
            if (masked.charAt(i) == opening) {
                depth++;
            } else if (masked.charAt(i) == closing && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced '" + opening + "' in a Java source");
    }

    /** Comments become spaces; the masked copy also blanks the inside of string, text block and char literals. */
    private static Source lex(String text) {
        StringBuilder code = new StringBuilder(text);
        StringBuilder masked = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            int end;
            if (text.startsWith("//", i)) {
                end = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
                blank(code, i, end);
                blank(masked, i, end);
            } else if (text.startsWith("/*", i)) {
                end = text.indexOf("*/", i + 2) < 0 ? text.length() : text.indexOf("*/", i + 2) + 2;
                blank(code, i, end);
                blank(masked, i, end);
            } else if (text.startsWith("\"\"\"", i)) {
                end = literalEnd(text, i + 3, "\"\"\"");
                blank(masked, i + 3, end - 3);
            } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                end = literalEnd(text, i + 1, String.valueOf(text.charAt(i)));
                blank(masked, i + 1, end - 1);
            } else {
                end = i + 1;
            }
            i = end;
        }
        return new Source(code.toString(), masked.toString());
    }

    private static int literalEnd(String text, int from, String quote) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.startsWith(quote, i)) {
                return i + quote.length();
            }
        }
        throw new IllegalStateException("unterminated literal in a Java source");
    }

    private static void blank(StringBuilder text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '\n') {
                text.setCharAt(i, ' ');
            }
        }
    }
}
