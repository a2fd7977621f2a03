package dev.panorama.order;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.servicetesting.CommandServiceEngines;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The order service under test on the shared engines: what every command service gets, and the restaurant topic its replica reads. */
final class OrderServiceEngines {

    private OrderServiceEngines() {
    }

    /**
     * {@link CommandServiceEngines#register} for the {@code orders} schema and {@code orderTopic}, and a restaurant
     * topic of three partitions that the replica consumes in a group of the test class's own. Call it from a
     * {@code @DynamicPropertySource}.
     */
    static void register(DynamicPropertyRegistry registry, TestNamespace namespace, String orderTopic, String restaurantTopic) {
        CommandServiceEngines.register(registry, namespace, "orders", "order", orderTopic);
        KafkaEngine kafka = Engines.shared().kafka();
        kafka.createTopic(restaurantTopic, 3);
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("panorama.order.restaurant-replica.topic", () -> restaurantTopic);
        registry.add("panorama.order.restaurant-replica.group-id", () -> namespace.group("order-service"));
    }
}
