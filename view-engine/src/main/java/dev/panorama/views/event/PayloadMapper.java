package dev.panorama.views.event;

import dev.panorama.views.event.DomainEvent.ConsumerAddressChanged;
import dev.panorama.views.event.DomainEvent.ConsumerRegistered;
import dev.panorama.views.event.DomainEvent.ConsumerRenamed;
import dev.panorama.views.event.DomainEvent.CourierAssigned;
import dev.panorama.views.event.DomainEvent.DeliveryDelivered;
import dev.panorama.views.event.DomainEvent.DeliveryPickedUp;
import dev.panorama.views.event.DomainEvent.DeliveryScheduled;
import dev.panorama.views.event.DomainEvent.Heartbeat;
import dev.panorama.views.event.DomainEvent.OrderApproved;
import dev.panorama.views.event.DomainEvent.OrderCancelled;
import dev.panorama.views.event.DomainEvent.OrderCreated;
import dev.panorama.views.event.DomainEvent.OrderRejected;
import dev.panorama.views.event.DomainEvent.OrderRevised;
import dev.panorama.views.event.DomainEvent.RestaurantCreated;
import dev.panorama.views.event.DomainEvent.RestaurantMenuRevised;
import dev.panorama.views.event.DomainEvent.RestaurantOpeningHoursChanged;
import dev.panorama.views.event.DomainEvent.RestaurantRenamed;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.function.BiFunction;

import static dev.panorama.views.event.JsonValues.address;
import static dev.panorama.views.event.JsonValues.geoPoint;
import static dev.panorama.views.event.JsonValues.instant;
import static dev.panorama.views.event.JsonValues.lineItems;
import static dev.panorama.views.event.JsonValues.menu;
import static dev.panorama.views.event.JsonValues.money;
import static dev.panorama.views.event.JsonValues.name;
import static dev.panorama.views.event.JsonValues.openingHours;
import static dev.panorama.views.event.JsonValues.optionalInstant;
import static dev.panorama.views.event.JsonValues.optionalText;
import static dev.panorama.views.event.JsonValues.sharedText;
import static dev.panorama.views.event.JsonValues.text;

/**
 * Maps a validated, current-version payload onto the view builder's own records, field by field:
 * fields it does not know are ignored, as the compatibility rules require.
 */
final class PayloadMapper {

    private static final Map<String, BiFunction<EventMetadata, JsonNode, DomainEvent>> MAPPERS = Map.ofEntries(
        Map.entry("consumer.ConsumerRegistered", (m, p) -> new ConsumerRegistered(m, text(p, "consumerId"), name(p.get("name")),
            optionalText(p, "email"), address(p.get("address")))),
        Map.entry("consumer.ConsumerRenamed", (m, p) -> new ConsumerRenamed(m, text(p, "consumerId"), name(p.get("name")))),
        Map.entry("consumer.ConsumerAddressChanged", (m, p) -> new ConsumerAddressChanged(m, text(p, "consumerId"), address(p.get("address")))),
        Map.entry("restaurant.RestaurantCreated", (m, p) -> new RestaurantCreated(m, text(p, "restaurantId"), text(p, "name"),
            optionalText(p, "cuisine"), geoPoint(p.get("location")), address(p.get("address")), openingHours(p.get("openingHours")),
            menu(p.get("menu")))),
        Map.entry("restaurant.RestaurantRenamed", (m, p) -> new RestaurantRenamed(m, text(p, "restaurantId"), text(p, "name"))),
        Map.entry("restaurant.RestaurantMenuRevised", (m, p) -> new RestaurantMenuRevised(m, text(p, "restaurantId"), menu(p.get("menu")))),
        Map.entry("restaurant.RestaurantOpeningHoursChanged", (m, p) -> new RestaurantOpeningHoursChanged(m, text(p, "restaurantId"),
            openingHours(p.get("openingHours")))),
        Map.entry("order.OrderCreated", (m, p) -> new OrderCreated(m, text(p, "orderId"), sharedText(p, "consumerId"), sharedText(p, "restaurantId"),
            lineItems(p.get("lineItems")), money(p.get("orderTotal")), address(p.get("deliveryAddress")), optionalInstant(p, "deliverAt"))),
        Map.entry("order.OrderRevised", (m, p) -> new OrderRevised(m, text(p, "orderId"), lineItems(p.get("lineItems")), money(p.get("orderTotal")))),
        Map.entry("order.OrderApproved", (m, p) -> new OrderApproved(m, text(p, "orderId"))),
        Map.entry("order.OrderRejected", (m, p) -> new OrderRejected(m, text(p, "orderId"), text(p, "reason"))),
        Map.entry("order.OrderCancelled", (m, p) -> new OrderCancelled(m, text(p, "orderId"), text(p, "reason"))),
        Map.entry("delivery.DeliveryScheduled", (m, p) -> new DeliveryScheduled(m, text(p, "deliveryId"), text(p, "orderId"),
            sharedText(p, "restaurantId"), address(p.get("deliveryAddress")), instant(p, "readyBy"))),
        Map.entry("delivery.CourierAssigned", (m, p) -> new CourierAssigned(m, text(p, "deliveryId"), text(p, "orderId"),
            sharedText(p, "courierId"), sharedText(p, "courierName"))),
        Map.entry("delivery.DeliveryPickedUp", (m, p) -> new DeliveryPickedUp(m, text(p, "deliveryId"), text(p, "orderId"), instant(p, "pickedUpAt"))),
        Map.entry("delivery.DeliveryDelivered", (m, p) -> new DeliveryDelivered(m, text(p, "deliveryId"), text(p, "orderId"), instant(p, "deliveredAt"))),
        Map.entry("panorama.Heartbeat", (m, p) -> new Heartbeat(m, text(p, "heartbeatId"), text(p, "emitter"), p.get("partition").asInt(),
            instant(p, "emittedAt")))
    );

    private PayloadMapper() {
    }

    static boolean maps(String eventType) {
        return MAPPERS.containsKey(eventType);
    }

    static DomainEvent map(EventMetadata metadata, JsonNode payload) {
        return MAPPERS.get(metadata.eventType()).apply(metadata, payload);
    }
}
