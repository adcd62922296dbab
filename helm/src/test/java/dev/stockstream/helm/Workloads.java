package dev.stockstream.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed views of the rendered workloads, by component. */
public final class Workloads {

    private Workloads() {
    }

    public static PodTemplateSpec podTemplate(Rendered rendered, String component) {
        if (rendered.hasComponent("Deployment", component)) {
            return StrictModels.convert(rendered.component("Deployment", component), Deployment.class).getSpec().getTemplate();
        }
        return StrictModels.convert(rendered.component("StatefulSet", component), StatefulSet.class).getSpec().getTemplate();
    }

    public static Container container(Rendered rendered, String component) {
        List<Container> containers = podTemplate(rendered, component).getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(component + " has " + containers.size() + " containers, expected one");
        }
        return containers.get(0);
    }

    public static Map<String, String> env(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            if (env.put(var.getName(), var.getValue()) != null) {
                throw new AssertionError(container.getName() + " sets " + var.getName() + " twice");
            }
        }
        return env;
    }

    /** Env of the SparkApplication's driver or executor ({@code role}), as name -> value. */
    public static Map<String, String> sparkEnv(Rendered rendered, String role) {
        return env(sparkApplication(rendered).path("spec"), role);
    }

    /** Env of the history compaction's driver or executor ({@code role}), as name -> value. */
    public static Map<String, String> historyEnv(Rendered rendered, String role) {
        return env(historyTemplate(rendered), role);
    }

    private static Map<String, String> env(JsonNode applicationSpec, String role) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode var : applicationSpec.path(role).path("env")) {
            env.put(var.path("name").asText(), var.path("value").asText());
        }
        return env;
    }

    /**
     * The SparkApplication's {@code spec.arguments}, the job's {@code NAME=value} settings, as
     * name -> value; an argument without {@code =} or a name given twice fails.
     */
    public static Map<String, String> sparkArguments(Rendered rendered) {
        return arguments(sparkApplication(rendered).path("spec"), "SparkApplication");
    }

    /** The same for the history compaction: its template's {@code arguments}, as name -> value. */
    public static Map<String, String> historyArguments(Rendered rendered) {
        return arguments(historyTemplate(rendered), "ScheduledSparkApplication");
    }

    private static Map<String, String> arguments(JsonNode applicationSpec, String what) {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (JsonNode argument : applicationSpec.path("arguments")) {
            String text = argument.asText();
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new AssertionError(what + " argument '" + text + "' is not NAME=value");
            }
            if (arguments.put(text.substring(0, equals), text.substring(equals + 1)) != null) {
                throw new AssertionError(what + " arguments set " + text.substring(0, equals) + " twice");
            }
        }
        return arguments;
    }

    public static JsonNode sparkApplication(Rendered rendered) {
        return theOne(rendered, "SparkApplication");
    }

    /** The history compaction's ScheduledSparkApplication. */
    public static JsonNode historyCompaction(Rendered rendered) {
        return theOne(rendered, "ScheduledSparkApplication");
    }

    /** The SparkApplication spec each run of the history compaction is created from. */
    public static JsonNode historyTemplate(Rendered rendered) {
        return historyCompaction(rendered).path("spec").path("template");
    }

    private static JsonNode theOne(Rendered rendered, String kind) {
        List<JsonNode> objects = rendered.ofKind(kind);
        if (objects.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + objects.size());
        }
        return objects.get(0);
    }
}
