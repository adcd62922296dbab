package dev.stockstream.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) running in this JVM.
 * Its ports and data survive {@link #stop()} and {@link #start()}, so it can play a broker
 * outage; {@link #close()} also deletes the data if the directory was a temporary one.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final boolean ownsDataDir;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;
    /** What a client needs beyond the bootstrap servers: empty for PLAINTEXT, the SASL settings otherwise. */
    private final Map<String, String> clientSecurity;
    private final String saslUser;
    private final String saslPassword;
    private KafkaRaftServer server;

    private EmbeddedKafka(Builder builder) {
        this.ownsDataDir = builder.dataDir == null;
        this.dataDir = ownsDataDir ? Directories.createTemp("embedded-kafka-") : builder.dataDir;
        this.port = builder.port != 0 ? builder.port : FreePorts.pick();
        this.controllerPort = builder.controllerPort != 0 ? builder.controllerPort : FreePorts.pick();
        this.overrides = Map.copyOf(builder.overrides);
        this.saslUser = builder.saslUser;
        this.saslPassword = builder.saslPassword;
        this.clientSecurity = builder.saslUser == null ? Map.of() : Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", plainLogin(builder.saslUser, builder.saslPassword));
    }

    private static String plainLogin(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /**
     * Hadoop (a MiniDFSCluster in the same JVM) registers its own SASL PLAIN server, which knows none of
     * the broker's users; Kafka's must come first for the broker to check its logins.
     */
    private static synchronized void preferKafkasPlainServer() {
        org.apache.kafka.common.security.plain.internals.PlainSaslServerProvider.initialize();
        for (java.security.Provider provider : java.security.Security.getProviders()) {
            if (provider instanceof org.apache.kafka.common.security.plain.internals.PlainSaslServerProvider) {
                java.security.Security.removeProvider(provider.getName());
                java.security.Security.insertProviderAt(provider, 1);
                return;
            }
        }
    }

    /** The client settings beyond the bootstrap servers (SASL when the broker was built with {@link Builder#saslPlain}). */
    public Map<String, String> clientSecurity() {
        return clientSecurity;
    }

    /** A broker on free ports with a temporary data directory, started and ready. */
    public static EmbeddedKafka startDefault() {
        return builder().build().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Formats the data directory on first use, starts the broker and waits until it answers. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        long started = System.nanoTime();
        if (!clientSecurity.isEmpty()) {
            preferKafkasPlainServer();
        }
        KafkaConfig config = new KafkaConfig(brokerProperties());
        formatIfNew();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady();
        LOG.info("Kafka broker ready at {} in {} ms (data {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
        return this;
    }

    /** Stops the broker; its data and ports are kept for {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates a topic (replication factor 1) unless it exists. */
    public void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.putAll(clientSecurity);
        return Admin.create(props);
    }

    @Override
    public void close() {
        stop();
        if (ownsDataDir) {
            Directories.deleteRecursively(dataDir);
        }
    }

    private Map<String, String> brokerProperties() {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toAbsolutePath().toString());
        props.put("num.partitions", "4");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("group.initial.rebalance.delay.ms", "0");
        if (!clientSecurity.isEmpty()) {
            // the client listener (also the brokers' own) takes SASL/PLAIN logins of the built user and of the broker itself
            props.put("listeners", "SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
            props.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
            props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
            props.put("sasl.enabled.mechanisms", "PLAIN");
            props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", clientSecurity.get("sasl.jaas.config")
                    .replace(";", " user_" + saslUser + "=\"" + saslPassword + "\";"));
        }
        props.putAll(overrides);
        return props;
    }

    private void formatIfNew() {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Formatter formatter = new Formatter()
                    .setNodeId(1)
                    .setClusterId(randomClusterId())
                    .setDirectories(List.of(dataDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(dataDir.toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka data directory " + dataDir, e);
        }
    }

    /** A cluster id is a base64 UUID; Kafka's own generator lives in a class that moved between versions. */
    private static String randomClusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " not ready after " + READY_TIMEOUT, last);
    }

    /** Settings of an embedded broker; unset ports are picked free. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int controllerPort;
        private final Map<String, String> overrides = new HashMap<>();
        private String saslUser;
        private String saslPassword;

        private Builder() {
        }

        /**
         * The client listener takes only SASL/PLAIN logins of this user (as a secured external cluster would);
         * letters and digits only, as the JAAS option {@code user_<name>} needs.
         */
        public Builder saslPlain(String user, String password) {
            if (!user.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("a SASL user of letters and digits, got " + user);
            }
            this.saslUser = user;
            this.saslPassword = password;
            return this;
        }

        /** A directory that keeps the log across runs; by default a temporary one, deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        public Builder brokerProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }
    }
}
