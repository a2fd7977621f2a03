package dev.panorama.devstack.mongo;

import org.testcontainers.mongodb.MongoDBContainer;

/** The official MongoDB 8 image as a single-node replica set, through Testcontainers. */
public final class ContainerMongoEngine implements MongoEngine {

    public static final String IMAGE = "mongo:8.0.15";

    private final MongoDBContainer container;

    private ContainerMongoEngine(MongoDBContainer container) {
        this.container = container;
    }

    public static ContainerMongoEngine start() {
        MongoDBContainer container = new MongoDBContainer(IMAGE);
        container.start();
        return new ContainerMongoEngine(container);
    }

    @Override
    public String connectionString() {
        return container.getConnectionString();
    }

    @Override
    public String describe() {
        return "MongoDB (container " + IMAGE + ", replica set) at " + connectionString();
    }

    @Override
    public void close() {
        container.stop();
    }
}
