package dev.panorama.consumer.adapter.out.messaging;

import dev.panorama.consumer.application.port.out.ConsumerEventPublisher;
import dev.panorama.outbox.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic is configuration ({@code panorama.outbox.topics.consumer}), so tests can give each run its own. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    ConsumerEventPublisher consumerEventPublisher(Outbox outbox) {
        return new OutboxConsumerEventPublisher(outbox, new ConsumerEventMapper());
    }
}
