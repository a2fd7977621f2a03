package dev.panorama.consumer.application.port.in;

import dev.panorama.consumer.domain.Address;
import dev.panorama.consumer.domain.ConsumerId;

import java.util.Objects;
import java.util.OptionalLong;

/** @param expectedVersion when present, the command applies only to that version of the consumer */
public record ChangeConsumerAddressCommand(ConsumerId consumerId, Address address, OptionalLong expectedVersion,
                                           CorrelationId correlationId) {

    public ChangeConsumerAddressCommand {
        Objects.requireNonNull(consumerId, "consumerId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
