package dev.stockstream.helm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/** The objects of one {@code helm template} output, as JSON trees. */
public final class Rendered {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String text;
    private final List<JsonNode> objects;

    Rendered(String text) {
        this(text, parse(text));
    }

    private Rendered(String text, List<JsonNode> objects) {
        this.text = text;
        this.objects = objects;
    }

    /** The objects {@code keep} accepts (the text stays the whole render). */
    public Rendered filter(java.util.function.Predicate<JsonNode> keep) {
        return new Rendered(text, objects.stream().filter(keep).toList());
    }

    private static List<JsonNode> parse(String text) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template produced invalid YAML", e);
        }
        return objects;
    }

    public String text() {
        return text;
    }

    public List<JsonNode> objects() {
        return objects;
    }

    public List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    public Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    public JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new NoSuchElementException(
                "no " + kind + " named " + name + " in the render; it has " + names()));
    }

    /** The one object of a kind with the given {@code app.kubernetes.io/component} label. */
    /** {@code spec.replicas} of the one workload of that kind and component. */
    public int replicas(String kind, String component) {
        return component(kind, component).path("spec").path("replicas").asInt();
    }

    public JsonNode component(String kind, String component) {
        List<JsonNode> found = ofKind(kind).stream()
                .filter(o -> component.equals(o.path("metadata").path("labels").path("app.kubernetes.io/component").asText()))
                .toList();
        if (found.size() != 1) {
            throw new NoSuchElementException("expected one " + kind + " of component " + component + ", found "
                    + found.size() + "; the render has " + names());
        }
        return found.get(0);
    }

    public boolean hasComponent(String kind, String component) {
        return ofKind(kind).stream().anyMatch(o ->
                component.equals(o.path("metadata").path("labels").path("app.kubernetes.io/component").asText()));
    }

    public String names() {
        return objects.stream().map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
                .collect(Collectors.joining(", "));
    }
}
