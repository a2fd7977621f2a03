package dev.panorama.consumer.application.port.in;

import dev.panorama.consumer.domain.ConsumerId;
import dev.panorama.consumer.domain.PersonName;

import java.util.Objects;
import java.util.OptionalLong;

/** @param expectedVersion when present, the command applies only to that version of the consumer */
public record RenameConsumerCommand(ConsumerId consumerId, PersonName name, OptionalLong expectedVersion,
                                    CorrelationId correlationId) {

    public RenameConsumerCommand {
        Objects.requireNonNull(consumerId, "consumerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
