package dev.stockstream.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rehearsal's hosts: one network namespace per pod (and per Service address), joined by veth
 * pairs to one bridge on this machine, and the names the cluster's DNS would give them, written to
 * each namespace's {@code /etc/netns/<namespace>/hosts} and to the test JVM's hosts file.
 */
final class Network implements AutoCloseable {

    static final String PREFIX = "rh-";
    static final String BRIDGE = "rhbr0";
    /** Pods and Services get 10.213.0.2 up; this machine is 10.213.0.1 on the bridge. */
    static final String SUBNET_PATTERN = "10\\.213\\.";
    private static final String GATEWAY = "10.213.0.1";

    private final Path jvmHostsFile;
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Map<String, Set<String>> names = new LinkedHashMap<>();
    private int nextAddress = 2;

    /** A host of the rehearsal: its namespace and address. */
    record Host(String name, String namespace, String address, String link) {
    }

    Network(Path jvmHostsFile) {
        this.jvmHostsFile = jvmHostsFile;
        Shell.run("ip", "link", "add", BRIDGE, "type", "bridge");
        Shell.run("ip", "addr", "add", GATEWAY + "/16", "dev", BRIDGE);
        Shell.run("ip", "link", "set", BRIDGE, "up");
        writeHostsFiles();
    }

    /** The host named {@code name}, made on first use with the next free address. */
    synchronized Host host(String name) {
        Host existing = hosts.get(name);
        if (existing != null) {
            return existing;
        }
        int index = nextAddress++;
        String address = "10.213." + (index / 250) + "." + (2 + index % 250);
        String namespace = PREFIX + name;
        String hostSide = "rhv" + index;
        Shell.run("ip", "netns", "add", namespace);
        Shell.run("ip", "link", "add", hostSide, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        Shell.run("ip", "link", "set", hostSide, "master", BRIDGE, "up");
        Shell.run("ip", "-n", namespace, "addr", "add", address + "/16", "dev", "eth0");
        Shell.run("ip", "-n", namespace, "link", "set", "eth0", "up");
        Shell.run("ip", "-n", namespace, "link", "set", "lo", "up");
        Shell.run("ip", "-n", namespace, "route", "add", "default", "via", GATEWAY);
        Host host = new Host(name, namespace, address, hostSide);
        hosts.put(name, host);
        names.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(name);
        writeHostsFiles();
        return host;
    }


    /** Cuts the host off the network (its veth on the bridge down): packets to and from it are dropped, connections stay open. */
    void cut(Host host) {
        Shell.run("ip", "link", "set", host.link(), "down");
    }

    /** Puts a host that was {@link #cut} back on the bridge. */
    void restore(Host host) {
        Shell.run("ip", "link", "set", host.link(), "master", BRIDGE, "up");
    }

    /** Makes {@code dnsNames} resolve to the host's address everywhere (the cluster DNS's records). */
    synchronized void addNames(Host host, List<String> dnsNames) {
        names.computeIfAbsent(host.address(), a -> new LinkedHashSet<>()).addAll(dnsNames);
        writeHostsFiles();
    }

    private void writeHostsFiles() {
        StringBuilder text = new StringBuilder("127.0.0.1 localhost\n::1 localhost ip6-localhost\n");
        names.forEach((address, hostNames) -> text.append(address).append(' ').append(String.join(" ", hostNames)).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        files.add(jvmHostsFile);
        hosts.values().forEach(host -> files.add(Path.of("/etc/netns", host.namespace(), "hosts")));
        try {
            for (Path file : files) {
                Files.createDirectories(file.getParent());
                // In place (same inode): a running pod sees the file through a bind mount.
                Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Cleanup.run();
    }
}
