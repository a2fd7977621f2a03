package dev.panorama.delivery.application.port.in;

import dev.panorama.delivery.domain.DeliveryId;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A step without data of its own (pickup, delivery): the time is the service's clock.
 *
 * @param expectedVersion when present, the command applies only to that version of the delivery
 */
public record DeliveryStepCommand(DeliveryId deliveryId, OptionalLong expectedVersion, CorrelationId correlationId) {

    public DeliveryStepCommand {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
