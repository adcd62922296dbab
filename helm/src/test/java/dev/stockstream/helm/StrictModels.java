package dev.stockstream.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.Map;

/**
 * Parses rendered objects into their fabric8 Kubernetes model classes, failing on any field the
 * model does not know. The models keep unknown fields in an "additional properties" map through
 * {@code @JsonAnySetter}; the introspector below hides that setter, so
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} really fails (a misspelt {@code readinesProbe} would
 * otherwise pass here and be dropped by the API server).
 */
public final class StrictModels {

    /** apiVersion/kind of every built-in object the chart may render, and its model class. */
    public static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Pod", Pod.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class));

    public static final String SPARK_APPLICATION = "sparkoperator.k8s.io/v1beta2/SparkApplication";
    public static final String SCHEDULED_SPARK_APPLICATION = "sparkoperator.k8s.io/v1beta2/ScheduledSparkApplication";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private StrictModels() {
    }

    public static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** The object as its model class; throws naming the object and the unknown field. */
    public static HasMetadata parse(JsonNode object) {
        Class<? extends HasMetadata> model = MODELS.get(typeOf(object));
        if (model == null) {
            throw new IllegalArgumentException("no Kubernetes model for " + typeOf(object)
                    + " (the chart renders only " + MODELS.keySet() + " and " + SPARK_APPLICATION + ", " + SCHEDULED_SPARK_APPLICATION + ")");
        }
        return convert(object, model);
    }

    public static ObjectMeta metadata(JsonNode object) {
        return convert(object.path("metadata"), ObjectMeta.class);
    }

    public static <T> T convert(JsonNode node, Class<T> model) {
        try {
            return MAPPER.treeToValue(node, model);
        } catch (Exception e) {
            throw new IllegalArgumentException(model.getSimpleName() + " " + node.path("metadata").path("name").asText()
                    + " does not parse strictly: " + e.getMessage(), e);
        }
    }
}
