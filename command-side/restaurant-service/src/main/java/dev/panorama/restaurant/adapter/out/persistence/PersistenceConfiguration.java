package dev.panorama.restaurant.adapter.out.persistence;

import dev.panorama.restaurant.application.port.out.IdempotencyKeys;
import dev.panorama.restaurant.application.port.out.RestaurantRepository;
import dev.panorama.snapshot.jdbc.SnapshotSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    RestaurantRepository restaurantRepository(RestaurantRowRepository rows) {
        return new JdbcRestaurantRepository(rows);
    }

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc) {
        return new JdbcIdempotencyKeys(jdbc);
    }

    @Bean
    SnapshotSource restaurantSnapshotSource() {
        return new JdbcRestaurantSnapshotSource();
    }
}
