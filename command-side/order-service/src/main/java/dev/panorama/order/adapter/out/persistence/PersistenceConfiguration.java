package dev.panorama.order.adapter.out.persistence;

import dev.panorama.order.application.port.out.IdempotencyKeys;
import dev.panorama.order.application.port.out.OrderRepository;
import dev.panorama.order.application.port.out.ReceivedEvents;
import dev.panorama.order.application.port.out.RestaurantReplicas;
import dev.panorama.snapshot.jdbc.SnapshotSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    OrderRepository orderRepository(OrderRowRepository rows) {
        return new JdbcOrderRepository(rows);
    }

    /** PostgreSQL's own conversions plus the jsonb line items column. */
    @Bean
    JdbcCustomConversions jdbcCustomConversions() {
        return JdbcCustomConversions.of(JdbcPostgresDialect.INSTANCE, LineItemsJsonb.converters());
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
