package dev.panorama.consumer.application.port.in;

import dev.panorama.consumer.domain.ConsumerId;

public class ConsumerNotFoundException extends RuntimeException {

    public ConsumerNotFoundException(ConsumerId consumerId) {
        super("no consumer " + consumerId);
    }
}
