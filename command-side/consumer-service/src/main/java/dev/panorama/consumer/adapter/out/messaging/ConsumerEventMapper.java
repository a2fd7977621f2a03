package dev.panorama.consumer.adapter.out.messaging;

import dev.panorama.consumer.application.port.in.CorrelationId;
import dev.panorama.consumer.domain.Address;
import dev.panorama.consumer.domain.ConsumerAddressChanged;
import dev.panorama.consumer.domain.ConsumerEvent;
import dev.panorama.consumer.domain.ConsumerRegistered;
import dev.panorama.consumer.domain.ConsumerRenamed;
import dev.panorama.consumer.domain.PersonName;
import dev.panorama.outbox.OutboxEvent;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Domain events to the wire: explicit names and versions from {@code schemas/events/consumer/}, never the
 * Java class names. The payload fields are written one by one so that a refactoring of the domain cannot
 * change the contract unnoticed.
 */
final class ConsumerEventMapper {

    static final String AGGREGATE_TYPE = "consumer";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    OutboxEvent toOutboxEvent(ConsumerEvent event, CorrelationId correlationId) {
        ObjectNode payload = JSON.objectNode().put("consumerId", event.consumerId().toString());
        return switch (event) {
            case ConsumerRegistered registered -> {
                payload.set("name", name(registered.name()));
                payload.put("email", registered.email().value());
                payload.set("address", address(registered.address()));
                yield envelope(event, "consumer.ConsumerRegistered", 2, payload, correlationId);
            }
            case ConsumerRenamed renamed -> {
                payload.set("name", name(renamed.name()));
                yield envelope(event, "consumer.ConsumerRenamed", 1, payload, correlationId);
            }
            case ConsumerAddressChanged changed -> {
                payload.set("address", address(changed.address()));
                yield envelope(event, "consumer.ConsumerAddressChanged", 1, payload, correlationId);
            }
        };
    }

    private static OutboxEvent envelope(ConsumerEvent event, String eventType, int schemaVersion, ObjectNode payload,
                                        CorrelationId correlationId) {
        return new OutboxEvent(event.eventId(), eventType, schemaVersion, AGGREGATE_TYPE, event.consumerId().toString(),
            event.consumerVersion(), event.occurredAt(), correlationId.value(), null, payload);
    }

    private static ObjectNode name(PersonName name) {
        return JSON.objectNode().put("firstName", name.firstName()).put("lastName", name.lastName());
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
