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
import dev.panorama.views.event.Values.Address;
import dev.panorama.views.event.Values.GeoPoint;
import dev.panorama.views.event.Values.LineItem;
import dev.panorama.views.event.Values.MenuItem;
import dev.panorama.views.event.Values.Money;
import dev.panorama.views.event.Values.OpeningPeriod;
import dev.panorama.views.event.Values.PersonName;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

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
        Map.entry("order.OrderCreated", (m, p) -> new OrderCreated(m, text(p, "orderId"), text(p, "consumerId"), text(p, "restaurantId"),
            lineItems(p.get("lineItems")), money(p.get("orderTotal")), address(p.get("deliveryAddress")), optionalInstant(p, "deliverAt"))),
        Map.entry("order.OrderRevised", (m, p) -> new OrderRevised(m, text(p, "orderId"), lineItems(p.get("lineItems")), money(p.get("orderTotal")))),
        Map.entry("order.OrderApproved", (m, p) -> new OrderApproved(m, text(p, "orderId"))),
        Map.entry("order.OrderRejected", (m, p) -> new OrderRejected(m, text(p, "orderId"), text(p, "reason"))),
        Map.entry("order.OrderCancelled", (m, p) -> new OrderCancelled(m, text(p, "orderId"), text(p, "reason"))),
        Map.entry("delivery.DeliveryScheduled", (m, p) -> new DeliveryScheduled(m, text(p, "deliveryId"), text(p, "orderId"),
            text(p, "restaurantId"), address(p.get("deliveryAddress")), instant(p, "readyBy"))),
        Map.entry("delivery.CourierAssigned", (m, p) -> new CourierAssigned(m, text(p, "deliveryId"), text(p, "orderId"),
            text(p, "courierId"), text(p, "courierName"))),
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

    private static String text(JsonNode node, String field) {
        return node.get(field).asString();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(text(node, field));
    }

    private static Instant optionalInstant(JsonNode node, String field) {
        String value = optionalText(node, field);
        return value == null ? null : Instant.parse(value);
    }

    private static PersonName name(JsonNode node) {
        return new PersonName(text(node, "firstName"), text(node, "lastName"));
    }

    private static Address address(JsonNode node) {
        return new Address(text(node, "street1"), optionalText(node, "street2"), text(node, "city"), text(node, "postalCode"),
            text(node, "country"));
    }

    private static GeoPoint geoPoint(JsonNode node) {
        return new GeoPoint(node.get("lat").asDouble(), node.get("lon").asDouble());
    }

    private static Money money(JsonNode node) {
        return new Money(new BigDecimal(text(node, "amount")), text(node, "currency"));
    }

    private static List<OpeningPeriod> openingHours(JsonNode array) {
        return list(array, period -> new OpeningPeriod(DayOfWeek.valueOf(text(period, "dayOfWeek")), text(period, "opens"),
            text(period, "closes")));
    }

    private static List<MenuItem> menu(JsonNode menu) {
        return list(menu.get("items"), item -> new MenuItem(text(item, "menuItemId"), text(item, "name"), money(item.get("price"))));
    }

    private static List<LineItem> lineItems(JsonNode array) {
        return list(array, item -> new LineItem(text(item, "menuItemId"), text(item, "name"), item.get("quantity").asInt(),
            money(item.get("unitPrice"))));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> items = new ArrayList<>(array.size());
        array.forEach(node -> items.add(element.apply(node)));
        return List.copyOf(items);
    }
}
