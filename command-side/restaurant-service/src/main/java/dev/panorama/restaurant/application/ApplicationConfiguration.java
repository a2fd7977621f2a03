package dev.panorama.restaurant.application;

import dev.panorama.restaurant.application.port.out.IdempotencyKeys;
import dev.panorama.restaurant.application.port.out.RestaurantEventPublisher;
import dev.panorama.restaurant.application.port.out.RestaurantRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    RestaurantService restaurantService(RestaurantRepository restaurants, RestaurantEventPublisher events, IdempotencyKeys idempotencyKeys) {
        return new RestaurantService(restaurants, events, idempotencyKeys, Clock.systemUTC());
    }
}
