package dev.panorama.consumer.application.port.in;

import dev.panorama.consumer.domain.ConsumerId;

/** The client acted on a version of the consumer that is no longer the current one. */
public class StaleConsumerVersionException extends RuntimeException {

    public StaleConsumerVersionException(ConsumerId consumerId, long expected, long current) {
        super("consumer " + consumerId + " is at version " + current + ", not " + expected);
    }
}
