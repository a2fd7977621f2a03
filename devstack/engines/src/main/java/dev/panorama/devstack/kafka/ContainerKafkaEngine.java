package dev.panorama.devstack.kafka;

import org.testcontainers.kafka.KafkaContainer;

/** The official Apache Kafka image (KRaft), through Testcontainers. */
public final class ContainerKafkaEngine implements KafkaEngine {

    public static final String IMAGE = "apache/kafka:4.1.1";

    private final KafkaContainer container;

    private ContainerKafkaEngine(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerKafkaEngine start() {
        KafkaContainer container = new KafkaContainer(IMAGE)
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return new ContainerKafkaEngine(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String describe() {
        return "Kafka (container " + IMAGE + ") at " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
