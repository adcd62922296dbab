package dev.stockstream.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The SparkApplication CRD's OpenAPI v3 schema (copied into test resources, see
 * {@code crds/README.md}), made strict: the API server prunes fields a structural schema does not
 * declare, silently, so every object schema that lists its properties here also rejects others
 * (unless it says {@code x-kubernetes-preserve-unknown-fields}).
 */
public final class SparkApplicationSchema {

    private static final JsonSchema SCHEMA = load();

    private SparkApplicationSchema() {
    }

    /** Validation messages for the object; empty when it is a valid SparkApplication. */
    public static List<String> validate(JsonNode sparkApplication) {
        return SCHEMA.validate(sparkApplication).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream crd = SparkApplicationSchema.class.getResourceAsStream(
                "/crds/sparkoperator.k8s.io_sparkapplications.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(crd);
            JsonNode version = root.path("spec").path("versions").get(0);
            if (!"v1beta2".equals(version.path("name").asText())) {
                throw new IllegalStateException("the CRD's first version is " + version.path("name") + ", not v1beta2");
            }
            ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
            closeObjects(schema);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.path("properties").isObject()
                    && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                closeObjects(fields.next().getValue());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(SparkApplicationSchema::closeObjects);
        }
    }
}
