package dev.panorama.delivery.adapter.out.messaging;

import dev.panorama.delivery.application.port.out.DeliveryEventPublisher;
import dev.panorama.outbox.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic is configuration ({@code panorama.outbox.topics.delivery}), so tests can give each run its own. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    DeliveryEventPublisher deliveryEventPublisher(Outbox outbox) {
        return new OutboxDeliveryEventPublisher(outbox, new DeliveryEventMapper());
    }
}
