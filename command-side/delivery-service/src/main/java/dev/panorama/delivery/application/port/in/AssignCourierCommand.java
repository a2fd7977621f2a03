package dev.panorama.delivery.application.port.in;

import dev.panorama.delivery.domain.Courier;
import dev.panorama.delivery.domain.DeliveryId;

import java.util.Objects;
import java.util.OptionalLong;

/** @param expectedVersion when present, the command applies only to that version of the delivery */
public record AssignCourierCommand(DeliveryId deliveryId, Courier courier, OptionalLong expectedVersion, CorrelationId correlationId) {

    public AssignCourierCommand {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(courier, "courier");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
