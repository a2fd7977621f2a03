package dev.panorama.restaurant.adapter.out.messaging;

import dev.panorama.outbox.Outbox;
import dev.panorama.restaurant.application.port.out.RestaurantEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic is configuration ({@code panorama.outbox.topics.restaurant}), so tests can give each run its own. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    RestaurantEventPublisher restaurantEventPublisher(Outbox outbox) {
        return new OutboxRestaurantEventPublisher(outbox, new RestaurantEventMapper());
    }
}
