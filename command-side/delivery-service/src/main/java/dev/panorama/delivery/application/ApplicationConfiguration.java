package dev.panorama.delivery.application;

import dev.panorama.delivery.application.port.out.DeliveryEventPublisher;
import dev.panorama.delivery.application.port.out.DeliveryRepository;
import dev.panorama.delivery.application.port.out.IdempotencyKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    DeliveryService deliveryService(DeliveryRepository deliveries, DeliveryEventPublisher events, IdempotencyKeys idempotencyKeys) {
        return new DeliveryService(deliveries, events, idempotencyKeys, Clock.systemUTC());
    }
}
