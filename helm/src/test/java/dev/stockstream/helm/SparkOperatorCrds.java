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
 * The OpenAPI v3 schemas of the spark-operator's CRDs the chart renders, SparkApplication and
 * ScheduledSparkApplication (copied into test resources, see {@code crds/README.md}), made
 * strict: the API server prunes fields a structural schema does not declare, silently, so every
 * object schema that lists its properties here also rejects others (unless it says
 * {@code x-kubernetes-preserve-unknown-fields}).
 */
public final class SparkOperatorCrds {

    private static final Map<String, JsonSchema> SCHEMAS = Map.of(
            StrictModels.SPARK_APPLICATION, load("sparkoperator.k8s.io_sparkapplications.yaml"),
            StrictModels.SCHEDULED_SPARK_APPLICATION, load("sparkoperator.k8s.io_scheduledsparkapplications.yaml"));

    private SparkOperatorCrds() {
    }

    /** Whether the object is of one of these CRDs (and so has no fabric8 model). */
    public static boolean isCustomResource(JsonNode object) {
        return SCHEMAS.containsKey(StrictModels.typeOf(object));
    }

    /** Validation messages for the object against the CRD of its apiVersion and kind; empty when it is valid. */
    public static List<String> validate(JsonNode object) {
        JsonSchema schema = SCHEMAS.get(StrictModels.typeOf(object));
        if (schema == null) {
            throw new IllegalArgumentException("no spark-operator CRD for " + StrictModels.typeOf(object));
        }
        return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load(String file) {
        try (InputStream crd = SparkOperatorCrds.class.getResourceAsStream("/crds/" + file)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(crd);
            JsonNode version = root.path("spec").path("versions").get(0);
            if (!"v1beta2".equals(version.path("name").asText())) {
                throw new IllegalStateException(file + ": the CRD's first version is " + version.path("name") + ", not v1beta2");
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
            node.forEach(SparkOperatorCrds::closeObjects);
        }
    }
}
