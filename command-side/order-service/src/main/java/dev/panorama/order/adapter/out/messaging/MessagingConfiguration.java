package dev.panorama.order.adapter.out.messaging;

import dev.panorama.order.application.port.out.OrderEventPublisher;
import dev.panorama.outbox.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic is configuration ({@code panorama.outbox.topics.order}), so tests can give each run its own. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    OrderEventPublisher orderEventPublisher(Outbox outbox) {
        return new OutboxOrderEventPublisher(outbox, new OrderEventMapper());
    }
}
