package dev.stockstream.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What a Kubernetes namespace gives a release, on this machine: hosts for pods (network
 * namespaces), the cluster DNS's names (hosts files), Services (names; a forwarder on a Service
 * address, as kube-proxy), ConfigMaps, Secrets and persistent volumes (directories), and the pods
 * themselves with the kubelet's part ({@link Pod}).
 */
final class Cluster implements AutoCloseable {

    private final Path repoRoot;
    private final Path workDirectory;
    private final String namespace;
    private final Network network;
    private final Images images;
    private final Process reaper;
    private final Map<String, Pod> pods = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> services = new ConcurrentHashMap<>();
    private final Map<String, List<Process>> forwarders = new ConcurrentHashMap<>();
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> configMaps = new ConcurrentHashMap<>();

    private Cluster(Path repoRoot, Path workDirectory, String namespace) {
        this.repoRoot = repoRoot;
        this.workDirectory = workDirectory;
        this.namespace = namespace;
        this.images = new Images(repoRoot, workDirectory);
        Cleanup.script(workDirectory);
        Cleanup.run();
        this.reaper = Cleanup.startReaper(workDirectory);
        // The test JVM resolves the release's names from this file too (-Djdk.net.hosts.file).
        this.network = new Network(Path.of(System.getProperty("jdk.net.hosts.file", workDirectory.resolve("hosts").toString())));
    }

    /**
     * A new, empty cluster. Needs root (network and mount namespaces); anything a killed earlier
     * rehearsal left is removed first.
     */
    static Cluster start(Path repoRoot, Path workDirectory, String namespace) {
        Preconditions.check();
        try {
            if (Files.exists(workDirectory)) {
                Shell.run("rm", "-rf", workDirectory.toString());
            }
            Files.createDirectories(workDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Cluster(repoRoot, workDirectory, namespace);
    }

    Path repoRoot() {
        return repoRoot;
    }

    Path workDirectory() {
        return workDirectory;
    }

    String namespace() {
        return namespace;
    }

    Images images() {
        return images;
    }

    Network network() {
        return network;
    }

    /** The host a pod named {@code name} runs on, with its own name resolvable. */
    Network.Host host(String name) {
        Network.Host host = network.host(name);
        network.addNames(host, List.of(name));
        return host;
    }

    Pod startPod(String name, JsonNode spec, Map<String, String> labels, Map<String, Path> claims) {
        Pod pod = new Pod(name, host(name), spec, labels, claims, this);
        Pod previous = pods.put(name, pod);
        if (previous != null) {
            previous.close();
        }
        return pod.start();
    }

    /** Deletes the pod (SIGTERM, grace period, SIGKILL); its host and volumes stay for a pod of the same name. */
    void deletePod(String name) {
        Pod pod = pods.remove(name);
        if (pod != null) {
            pod.close();
        }
    }

    Optional<Pod> pod(String name) {
        return Optional.ofNullable(pods.get(name));
    }

    Collection<Pod> pods() {
        return List.copyOf(pods.values());
    }

    /** The pods whose labels include every one of {@code selector}. */
    List<Pod> select(JsonNode selector) {
        return pods.values().stream().filter(pod -> {
            for (var entry : selector.properties()) {
                if (!entry.getValue().asText().equals(pod.labels().get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }).sorted(java.util.Comparator.comparing(Pod::name)).toList();
    }

    void putConfigMap(JsonNode configMap) {
        Map<String, String> data = new LinkedHashMap<>();
        configMap.path("data").properties().forEach(entry -> data.put(entry.getKey(), entry.getValue().asText()));
        configMaps.put(configMap.path("metadata").path("name").asText(), data);
        write(configMapDirectory(configMap.path("metadata").path("name").asText()), data);
    }

    void putSecret(JsonNode secret) {
        Map<String, String> data = new LinkedHashMap<>();
        secret.path("data").properties().forEach(entry ->
                data.put(entry.getKey(), new String(Base64.getDecoder().decode(entry.getValue().asText()), StandardCharsets.UTF_8)));
        secret.path("stringData").properties().forEach(entry -> data.put(entry.getKey(), entry.getValue().asText()));
        secrets.put(secret.path("metadata").path("name").asText(), data);
        write(secretDirectory(secret.path("metadata").path("name").asText()), data);
    }

    /** A key of a Secret put into the cluster, as {@code kubectl get secret NAME -o jsonpath='{.data.KEY}' | base64 -d}. */
    String secret(String name, String key) {
        String value = secrets.getOrDefault(name, Map.of()).get(key);
        if (value == null) {
            throw new IllegalStateException("no key " + key + " in Secret " + name);
        }
        return value;
    }

    Path configMapDirectory(String name) {
        return workDirectory.resolve("configmaps").resolve(name);
    }

    Path secretDirectory(String name) {
        return workDirectory.resolve("secrets").resolve(name);
    }

    /** A persistent volume claim's directory: it outlives the pods that mount it, as on a cluster. */
    Path claimDirectory(String claim) {
        return workDirectory.resolve("volumes").resolve(claim);
    }

    /** A pod a Service selects: its host and its spec (for named target ports). */
    record Backend(Network.Host host, JsonNode podSpec) {
    }

    /**
     * A Service: its names resolve to the selected pods' addresses when it is headless (with each
     * pod's {@code <pod>.<service>} names when {@code subdomainPods} are its StatefulSet's), and to
     * a Service address of its own otherwise, where a forwarder per port plays kube-proxy.
     */
    void exposeService(JsonNode service, List<Backend> backends, List<String> subdomainPods) {
        String name = service.path("metadata").path("name").asText();
        services.put(name, service);
        List<String> names = dnsNames(name);
        if ("None".equals(service.path("spec").path("clusterIP").asText())) {
            for (Backend backend : backends) {
                network.addNames(backend.host(), names);
            }
            for (String pod : subdomainPods) {
                network.addNames(network.host(pod), dnsNames(pod + "." + name));
            }
            return;
        }
        Network.Host address = network.host("svc-" + name);
        network.addNames(address, names);
        String endpoints = service.toString() + backends.stream().map(b -> b.host().address()).toList();
        if (endpoints.equals(this.endpoints.put(name, endpoints))) {
            return;
        }
        forwarders.getOrDefault(name, List.of()).forEach(Process::destroyForcibly);
        List<Process> started = new ArrayList<>();
        if (!backends.isEmpty()) {
            Backend backend = backends.get(0);
            for (JsonNode port : service.path("spec").path("ports")) {
                started.add(Forwarder.start(address.namespace(), port.path("port").asInt(),
                        backend.host().address(), targetPort(backend.podSpec(), port), workDirectory.resolve("forwarders")));
            }
        }
        forwarders.put(name, started);
    }

    static int targetPort(JsonNode podSpec, JsonNode servicePort) {
        JsonNode target = servicePort.has("targetPort") ? servicePort.get("targetPort") : servicePort.get("port");
        if (target.isInt()) {
            return target.asInt();
        }
        for (JsonNode container : podSpec.path("containers")) {
            for (JsonNode port : container.path("ports")) {
                if (target.asText().equals(port.path("name").asText())) {
                    return port.path("containerPort").asInt();
                }
            }
        }
        throw new IllegalArgumentException("Service targetPort " + target.asText() + " names no port of " + podSpec);
    }

    /** A name and its namespace-qualified forms, as the cluster DNS serves them. */
    List<String> dnsNames(String name) {
        return List.of(name, name + "." + namespace, name + "." + namespace + ".svc", name + "." + namespace + ".svc.cluster.local");
    }

    /** The Service environment variables the kubelet gives each container ({@code enableServiceLinks}). */
    Map<String, String> serviceLinks() {
        Map<String, String> env = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if ("None".equals(service.path("spec").path("clusterIP").asText())) {
                return;
            }
            String prefix = name.toUpperCase(Locale.ROOT).replace('-', '_');
            String address = network.host("svc-" + name).address();
            JsonNode ports = service.path("spec").path("ports");
            if (ports.isEmpty()) {
                return;
            }
            env.put(prefix + "_SERVICE_HOST", address);
            env.put(prefix + "_SERVICE_PORT", ports.get(0).path("port").asText());
            env.put(prefix + "_PORT", "tcp://" + address + ":" + ports.get(0).path("port").asText());
            for (JsonNode port : ports) {
                String number = port.path("port").asText();
                if (port.has("name")) {
                    env.put(prefix + "_SERVICE_PORT_" + port.get("name").asText().toUpperCase(Locale.ROOT).replace('-', '_'), number);
                }
                String base = prefix + "_PORT_" + number + "_TCP";
                env.put(base, "tcp://" + address + ":" + number);
                env.put(base + "_PROTO", "tcp");
                env.put(base + "_PORT", number);
                env.put(base + "_ADDR", address);
            }
        });
        return env;
    }

    /** An env var's {@code valueFrom}: the pod's own fields, or a key of a ConfigMap or Secret. */
    String valueFrom(JsonNode valueFrom, Pod pod) {
        if (valueFrom.has("fieldRef")) {
            String field = valueFrom.get("fieldRef").path("fieldPath").asText();
            return switch (field) {
                case "metadata.name", "spec.nodeName" -> pod.name();
                case "metadata.namespace" -> namespace;
                case "status.podIP", "status.hostIP" -> pod.host().address();
                default -> throw new IllegalArgumentException("the rehearsal has no value for fieldRef " + field);
            };
        }
        for (String kind : List.of("secretKeyRef", "configMapKeyRef")) {
            if (valueFrom.has(kind)) {
                JsonNode ref = valueFrom.get(kind);
                Map<String, String> data = (kind.startsWith("secret") ? secrets : configMaps).get(ref.path("name").asText());
                String value = data == null ? null : data.get(ref.path("key").asText());
                if (value == null) {
                    throw new IllegalStateException("pod " + pod.name() + ": " + kind + " " + ref + " does not exist");
                }
                return value;
            }
        }
        throw new IllegalArgumentException("the rehearsal has no stand-in for valueFrom " + valueFrom);
    }

    private static void write(Path directory, Map<String, String> files) {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> old = Files.list(directory)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(directory.resolve(file.getKey()), file.getValue());
            }
            Shell.run("chmod", "-R", "a+rX", directory.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            List<Pod> all = List.copyOf(pods.values());
            all.parallelStream().forEach(Pod::close);
            forwarders.values().forEach(list -> list.forEach(Process::destroyForcibly));
        } finally {
            network.close();
            reaper.destroy();
        }
    }
}
