package dev.panorama.order.adapter.in.messaging;

import dev.panorama.order.application.port.in.ReplicateRestaurantUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The restaurant replica's Kafka listener. Its group id ({@code panorama.order.restaurant-replica.group-id})
 * and topic ({@code panorama.order.restaurant-replica.topic}) are configuration, so tests give each run its own.
 */
@Configuration(proxyBeanMethods = false)
class RestaurantEventsConfiguration {

    @Bean
    RestaurantEventListener restaurantEventListener(ReplicateRestaurantUseCase replicate, MeterRegistry meters) {
        return new RestaurantEventListener(new RestaurantEventReader(), replicate, meters);
    }

    /**
     * A record whose transaction failed (the database is down) is retried with exponential back-off, for as
     * long as it takes: its offset is not committed before it is applied, and skipping it could lose a menu.
     * Malformed records never get here: the listener skips them itself.
     */
    @Bean
    CommonErrorHandler retryUntilApplied() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
