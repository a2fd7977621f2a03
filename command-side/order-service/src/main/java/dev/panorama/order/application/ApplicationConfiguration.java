package dev.panorama.order.application;

import dev.panorama.order.application.port.out.IdempotencyKeys;
import dev.panorama.order.application.port.out.OrderEventPublisher;
import dev.panorama.order.application.port.out.OrderRepository;
import dev.panorama.order.application.port.out.ReceivedEvents;
import dev.panorama.order.application.port.out.RestaurantReplicas;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    OrderService orderService(OrderRepository orders, RestaurantReplicas restaurants, OrderEventPublisher events,
                              IdempotencyKeys idempotencyKeys) {
        return new OrderService(orders, restaurants, events, idempotencyKeys, Clock.systemUTC());
    }

    @Bean
    RestaurantReplicaService restaurantReplicaService(ReceivedEvents received, RestaurantReplicas replicas) {
        return new RestaurantReplicaService(received, replicas);
    }
}
