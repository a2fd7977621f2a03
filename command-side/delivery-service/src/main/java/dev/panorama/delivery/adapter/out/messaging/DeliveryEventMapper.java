package dev.panorama.delivery.adapter.out.messaging;

import dev.panorama.delivery.application.port.in.CorrelationId;
import dev.panorama.delivery.domain.Address;
import dev.panorama.delivery.domain.CourierAssigned;
import dev.panorama.delivery.domain.DeliveryDelivered;
import dev.panorama.delivery.domain.DeliveryEvent;
import dev.panorama.delivery.domain.DeliveryPickedUp;
import dev.panorama.delivery.domain.DeliveryScheduled;
import dev.panorama.outbox.OutboxEvent;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Domain events to the wire: explicit names and versions from {@code schemas/events/delivery/}, never the
 * Java class names. The payload fields are written one by one so that a refactoring of the domain cannot
 * change the contract unnoticed. Times are RFC 3339 in UTC ({@code Instant.toString()}).
 */
final class DeliveryEventMapper {

    static final String AGGREGATE_TYPE = "delivery";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    OutboxEvent toOutboxEvent(DeliveryEvent event, CorrelationId correlationId) {
        ObjectNode payload = JSON.objectNode()
            .put("deliveryId", event.deliveryId().toString())
            .put("orderId", event.orderId().toString());
        return switch (event) {
            case DeliveryScheduled scheduled -> {
                payload.put("restaurantId", scheduled.restaurantId().toString());
                payload.set("deliveryAddress", address(scheduled.deliveryAddress()));
                payload.put("readyBy", scheduled.readyBy().toString());
                yield envelope(event, "delivery.DeliveryScheduled", 1, payload, correlationId);
            }
            case CourierAssigned assigned -> {
                payload.put("courierId", assigned.courier().courierId());
                payload.put("courierName", assigned.courier().name());
                yield envelope(event, "delivery.CourierAssigned", 1, payload, correlationId);
            }
            case DeliveryPickedUp pickedUp -> {
                payload.put("pickedUpAt", pickedUp.pickedUpAt().toString());
                yield envelope(event, "delivery.DeliveryPickedUp", 1, payload, correlationId);
            }
            case DeliveryDelivered delivered -> {
                payload.put("deliveredAt", delivered.deliveredAt().toString());
                yield envelope(event, "delivery.DeliveryDelivered", 1, payload, correlationId);
            }
        };
    }

    private static OutboxEvent envelope(DeliveryEvent event, String eventType, int schemaVersion, ObjectNode payload,
                                        CorrelationId correlationId) {
        return new OutboxEvent(event.eventId(), eventType, schemaVersion, AGGREGATE_TYPE, event.deliveryId().toString(),
            event.deliveryVersion(), event.occurredAt(), correlationId.value(), null, payload);
    }

    /** {@code street2} is left out when absent: the schema allows a string, not null. */
    private static ObjectNode address(Address address) {
        ObjectNode node = JSON.objectNode().put("street1", address.street1());
        if (address.street2() != null) {
            node.put("street2", address.street2());
        }
        return node.put("city", address.city()).put("postalCode", address.postalCode()).put("country", address.country());
    }
}
