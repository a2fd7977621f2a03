package dev.panorama.order.adapter.out.messaging;

import dev.panorama.order.application.port.in.CorrelationId;
import dev.panorama.order.domain.Address;
import dev.panorama.order.domain.LineItem;
import dev.panorama.order.domain.LineItems;
import dev.panorama.order.domain.Money;
import dev.panorama.order.domain.OrderApproved;
import dev.panorama.order.domain.OrderCancelled;
import dev.panorama.order.domain.OrderCreated;
import dev.panorama.order.domain.OrderEvent;
import dev.panorama.order.domain.OrderRejected;
import dev.panorama.order.domain.OrderRevised;
import dev.panorama.outbox.OutboxEvent;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Domain events to the wire: explicit names and versions from {@code schemas/events/order/}, never the
 * Java class names. The payload fields are written one by one so that a refactoring of the domain cannot
 * change the contract unnoticed. Times are RFC 3339 in UTC ({@code Instant.toString()}); money is two
 * strings, never a JSON number.
 */
final class OrderEventMapper {

    static final String AGGREGATE_TYPE = "order";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    OutboxEvent toOutboxEvent(OrderEvent event, CorrelationId correlationId) {
        ObjectNode payload = JSON.objectNode().put("orderId", event.orderId().toString());
        return switch (event) {
            case OrderCreated created -> {
                payload.put("consumerId", created.consumerId().toString());
                payload.put("restaurantId", created.restaurantId().toString());
                payload.set("lineItems", lineItems(created.lineItems()));
                payload.set("orderTotal", money(created.orderTotal()));
                payload.set("deliveryAddress", address(created.deliveryAddress()));
                payload.put("deliverAt", created.deliverAt().toString());
                yield envelope(event, "order.OrderCreated", 1, payload, correlationId);
            }
            case OrderRevised revised -> {
                payload.set("lineItems", lineItems(revised.lineItems()));
                payload.set("orderTotal", money(revised.orderTotal()));
                yield envelope(event, "order.OrderRevised", 1, payload, correlationId);
            }
            case OrderApproved approved -> envelope(approved, "order.OrderApproved", 1, payload, correlationId);
            case OrderRejected rejected -> {
                payload.put("reason", rejected.reason().value());
                yield envelope(event, "order.OrderRejected", 1, payload, correlationId);
            }
            case OrderCancelled cancelled -> {
                payload.put("reason", cancelled.reason().value());
                yield envelope(event, "order.OrderCancelled", 1, payload, correlationId);
            }
        };
    }

    private static OutboxEvent envelope(OrderEvent event, String eventType, int schemaVersion, ObjectNode payload, CorrelationId correlationId) {
        return new OutboxEvent(event.eventId(), eventType, schemaVersion, AGGREGATE_TYPE, event.orderId().toString(), event.orderVersion(),
            event.occurredAt(), correlationId.value(), null, payload);
    }

    /** Each line with the name and unit price copied from the menu when it was priced. */
    private static ArrayNode lineItems(LineItems lineItems) {
        ArrayNode items = JSON.arrayNode();
        for (LineItem item : lineItems.items()) {
            ObjectNode node = JSON.objectNode().put("menuItemId", item.menuItemId().value()).put("name", item.name())
                .put("quantity", item.quantity());
            node.set("unitPrice", money(item.unitPrice()));
            items.add(node);
        }
        return items;
    }

    /** The amount with its two fraction digits exactly as held. */
    private static ObjectNode money(Money money) {
        return JSON.objectNode().put("amount", money.amount()).put("currency", money.currency());
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
