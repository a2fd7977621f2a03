package dev.panorama.consumer.application;

import dev.panorama.consumer.application.port.out.ConsumerEventPublisher;
import dev.panorama.consumer.application.port.out.ConsumerRepository;
import dev.panorama.consumer.application.port.out.IdempotencyKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    ConsumerService consumerService(ConsumerRepository consumers, ConsumerEventPublisher events, IdempotencyKeys idempotencyKeys) {
        return new ConsumerService(consumers, events, idempotencyKeys, Clock.systemUTC());
    }
}
