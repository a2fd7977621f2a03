package dev.panorama.restaurant.adapter.out.messaging;

import dev.panorama.outbox.OutboxEvent;
import dev.panorama.restaurant.application.port.in.CorrelationId;
import dev.panorama.restaurant.domain.Address;
import dev.panorama.restaurant.domain.Menu;
import dev.panorama.restaurant.domain.MenuItem;
import dev.panorama.restaurant.domain.OpeningHours;
import dev.panorama.restaurant.domain.OpeningPeriod;
import dev.panorama.restaurant.domain.RestaurantCreated;
import dev.panorama.restaurant.domain.RestaurantEvent;
import dev.panorama.restaurant.domain.RestaurantMenuRevised;
import dev.panorama.restaurant.domain.RestaurantOpeningHoursChanged;
import dev.panorama.restaurant.domain.RestaurantRenamed;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Domain events to the wire: explicit names and versions from {@code schemas/events/restaurant/}, never the
 * Java class names. The payload fields are written one by one so that a refactoring of the domain cannot
 * change the contract unnoticed.
 */
final class RestaurantEventMapper {

    static final String AGGREGATE_TYPE = "restaurant";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    OutboxEvent toOutboxEvent(RestaurantEvent event, CorrelationId correlationId) {
        ObjectNode payload = JSON.objectNode().put("restaurantId", event.restaurantId().toString());
        return switch (event) {
            case RestaurantCreated created -> {
                payload.put("name", created.name().value());
                created.cuisine().ifPresent(cuisine -> payload.put("cuisine", cuisine.value()));
                payload.set("location", JSON.objectNode().put("lat", created.location().lat()).put("lon", created.location().lon()));
                payload.set("address", address(created.address()));
                payload.set("openingHours", openingHours(created.openingHours()));
                payload.set("menu", menu(created.menu()));
                yield envelope(event, "restaurant.RestaurantCreated", 1, payload, correlationId);
            }
            case RestaurantRenamed renamed -> {
                payload.put("name", renamed.name().value());
                yield envelope(event, "restaurant.RestaurantRenamed", 1, payload, correlationId);
            }
            case RestaurantMenuRevised revised -> {
                payload.set("menu", menu(revised.menu()));
                yield envelope(event, "restaurant.RestaurantMenuRevised", 1, payload, correlationId);
            }
            case RestaurantOpeningHoursChanged changed -> {
                payload.set("openingHours", openingHours(changed.openingHours()));
                yield envelope(event, "restaurant.RestaurantOpeningHoursChanged", 1, payload, correlationId);
            }
        };
    }

    private static OutboxEvent envelope(RestaurantEvent event, String eventType, int schemaVersion, ObjectNode payload,
                                        CorrelationId correlationId) {
        return new OutboxEvent(event.eventId(), eventType, schemaVersion, AGGREGATE_TYPE, event.restaurantId().toString(),
            event.restaurantVersion(), event.occurredAt(), correlationId.value(), null, payload);
    }

    /** {@code street2} is left out when absent: the schema allows a string, not null. */
    private static ObjectNode address(Address address) {
        ObjectNode node = JSON.objectNode().put("street1", address.street1());
        if (address.street2() != null) {
            node.put("street2", address.street2());
        }
        return node.put("city", address.city()).put("postalCode", address.postalCode()).put("country", address.country());
    }

    private static ArrayNode openingHours(OpeningHours openingHours) {
        ArrayNode periods = JSON.arrayNode();
        for (OpeningPeriod period : openingHours.periods()) {
            periods.add(JSON.objectNode().put("dayOfWeek", period.dayOfWeek().name()).put("opens", period.opens())
                .put("closes", period.closes()));
        }
        return periods;
    }

    /** Money as two strings, the amount with its two fraction digits exactly as held: never a JSON number. */
    private static ObjectNode menu(Menu menu) {
        ArrayNode items = JSON.arrayNode();
        for (MenuItem item : menu.items()) {
            ObjectNode price = JSON.objectNode().put("amount", item.price().amount()).put("currency", item.price().currency());
            ObjectNode node = JSON.objectNode().put("menuItemId", item.menuItemId().value()).put("name", item.name());
            node.set("price", price);
            items.add(node);
        }
        ObjectNode node = JSON.objectNode();
        node.set("items", items);
        return node;
    }
}
