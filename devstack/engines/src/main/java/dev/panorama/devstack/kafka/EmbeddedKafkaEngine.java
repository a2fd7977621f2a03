package dev.panorama.devstack.kafka;

import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.Ports;
import dev.panorama.devstack.process.Directories;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running inside this JVM: the same
 * server class and configuration keys as {@code kafka-server-start.sh}, storage formatted the way
 * {@code kafka-storage.sh format} does it.
 */
public final class EmbeddedKafkaEngine implements KafkaEngine {

    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDirectory;

    private EmbeddedKafkaEngine(KafkaRaftServer server, String bootstrapServers, Path logDirectory) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDirectory = logDirectory;
    }

    /**
     * @param port the client listener port, 0 for any free one
     * @param dataDirectory where the log lives (deleted at stop), or {@code null} for a temporary one
     */
    public static EmbeddedKafkaEngine start(int port, Path dataDirectory, Duration startTimeout) {
        Ports.requireFree("Kafka", port, "--kafka-port");
        Path logs = dataDirectory == null ? Directories.temporary("panorama-kafka-") : Directories.create(dataDirectory);
        int clientPort = port == 0 ? Ports.freePort() : port;
        int controllerPort = Ports.freePort();
        Properties settings = settings(clientPort, controllerPort, logs);
        try {
            format(logs);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + clientPort;
            awaitBrokerAnswers(bootstrap, startTimeout);
            return new EmbeddedKafkaEngine(server, bootstrap, logs);
        } catch (Exception e) {
            Directories.deleteRecursively(logs);
            throw new EngineStartupException("Kafka: the KRaft broker did not start on port " + clientPort + ": " + e.getMessage(), e);
        }
    }

    private static Properties settings(int clientPort, int controllerPort, Path logs) {
        Properties settings = new Properties();
        settings.putAll(Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", Integer.toString(NODE_ID)),
            Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
            Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("log.dirs", logs.toString()),
            // One node: every internal topic has a single replica, or transactions and groups never start.
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("num.partitions", "1"),
            Map.entry("auto.create.topics.enable", "true"),
            Map.entry("log.flush.interval.messages", Long.toString(Long.MAX_VALUE))
        ));
        return settings;
    }

    private static void format(Path logs) throws Exception {
        new Formatter()
            .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
            .setClusterId(Uuid.randomUuid().toString())
            .setNodeId(NODE_ID)
            .setControllerListenerName("CONTROLLER")
            .setMetadataLogDirectory(logs.toString())
            .setDirectories(List.of(logs.toString()))
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
            .run();
    }

    private static void awaitBrokerAnswers(String bootstrap, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String describe() {
        return "Kafka " + AppInfoParser.getVersion() + " (embedded KRaft broker and controller) at " + bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        // Dev mode starts from empty views and topics on every run, so the log never outlives the broker.
        Directories.deleteRecursively(logDirectory);
    }
}
