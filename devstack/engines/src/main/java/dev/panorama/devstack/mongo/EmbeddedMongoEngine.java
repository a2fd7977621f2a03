package dev.panorama.devstack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.Ports;

import java.net.InetSocketAddress;

/**
 * mongo-java-server over TCP, in memory: the official driver talks the wire protocol to it. It has no
 * sessions or multi-document transactions and ignores partial-index filters, so Panorama's MongoDB
 * code uses neither (see docs/adr/0001). Its secondary indexes are kept by {@link EqualityIndex} (the
 * server alone ignores them and scans). Where Docker exists, the same tests run against {@code mongod}.
 */
public final class EmbeddedMongoEngine implements MongoEngine {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoEngine(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** @param port the port, 0 for any free one */
    public static EmbeddedMongoEngine start(int port) {
        Ports.requireFree("MongoDB", port, "--mongo-port");
        MongoServer server = new MongoServer(new IndexedMemoryBackend());
        try {
            server.bind("127.0.0.1", port);
            return new EmbeddedMongoEngine(server, server.getLocalAddress());
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new EngineStartupException("MongoDB: the wire-protocol server did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public String describe() {
        return "MongoDB wire protocol (embedded mongo-java-server, in memory) at " + connectionString();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
