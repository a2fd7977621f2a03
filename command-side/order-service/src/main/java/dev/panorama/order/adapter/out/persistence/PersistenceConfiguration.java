package dev.panorama.order.adapter.out.persistence;

import dev.panorama.order.application.port.out.IdempotencyKeys;
import dev.panorama.order.application.port.out.OrderRepository;
import dev.panorama.order.application.port.out.ReceivedEvents;
import dev.panorama.order.application.port.out.RestaurantReplicas;
import dev.panorama.snapshot.jdbc.SnapshotSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    OrderRepository orderRepository(OrderRowRepository rows) {
        return new JdbcOrderRepository(rows);
    }

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc) {
        return new JdbcIdempotencyKeys(jdbc);
    }

    @Bean
    RestaurantReplicas restaurantReplicas(JdbcClient jdbc) {
        return new JdbcRestaurantReplicas(jdbc);
    }

    @Bean
    ReceivedEvents receivedEvents(JdbcClient jdbc) {
        return new JdbcReceivedEvents(jdbc);
    }

    @Bean
    SnapshotSource orderSnapshotSource() {
        return new JdbcOrderSnapshotSource();
    }
}
