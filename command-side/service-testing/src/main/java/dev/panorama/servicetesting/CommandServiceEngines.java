package dev.panorama.servicetesting;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.postgres.PostgresEngine;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A command service under test on the shared engines: a database of its own, its events topic, and the outbox relay. */
public final class CommandServiceEngines {

    private CommandServiceEngines() {
    }

    /**
     * Creates the test class's database and an events topic of three partitions, and points the service at
     * them: its datasource with {@code schema} as the current schema, the outbox's topic for
     * {@code aggregateType}, and the relay's broker, polled every second. Call it from a
     * {@code @DynamicPropertySource}.
     */
    public static void register(DynamicPropertyRegistry registry, TestNamespace namespace, String schema, String aggregateType,
                                String topic) {
        PostgresEngine postgres = Engines.shared().postgres();
        KafkaEngine kafka = Engines.shared().kafka();
        kafka.createTopic(topic, 3);
        // Created here, once: the registry calls its suppliers on every lookup.
        String url = postgres.createDatabase(namespace.database(schema)) + "?currentSchema=" + schema;
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("panorama.outbox.topics." + aggregateType, () -> topic);
        registry.add("panorama.outbox.relay.bootstrap-servers", kafka::bootstrapServers);
        registry.add("panorama.outbox.relay.poll-interval", () -> "1s");
    }
}
