package dev.panorama.views.event;

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
import java.util.function.Function;

/**
 * The values of the contracts' JSON (money as decimal strings, addresses, geo points, opening hours,
 * menus, line items, instants), read into the view builder's records the same way wherever they occur:
 * event payloads and snapshot records.
 */
public final class JsonValues {

    private JsonValues() {
    }

    public static String text(JsonNode node, String field) {
        return node.get(field).asString();
    }

    /** As {@link #text}, for a value many events repeat (see {@link SharedStrings}). */
    public static String sharedText(JsonNode node, String field) {
        return SharedStrings.of(text(node, field));
    }

    public static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    public static Instant instant(JsonNode node, String field) {
        return Instants.parse(text(node, field));
    }

    public static Instant optionalInstant(JsonNode node, String field) {
        String value = optionalText(node, field);
        return value == null ? null : Instants.parse(value);
    }

    public static PersonName name(JsonNode node) {
        return new PersonName(text(node, "firstName"), text(node, "lastName"));
    }

    public static Address address(JsonNode node) {
        // An order's delivery address is most often its consumer's: shared, as are the consumer's own.
        return new Address(sharedText(node, "street1"), SharedStrings.of(optionalText(node, "street2")), sharedText(node, "city"),
            sharedText(node, "postalCode"), sharedText(node, "country"));
    }

    public static GeoPoint geoPoint(JsonNode node) {
        return new GeoPoint(node.get("lat").asDouble(), node.get("lon").asDouble());
    }

    public static Money money(JsonNode node) {
        return new Money(new BigDecimal(text(node, "amount")), sharedText(node, "currency"));
    }

    public static List<OpeningPeriod> openingHours(JsonNode array) {
        return list(array, period -> new OpeningPeriod(DayOfWeek.valueOf(text(period, "dayOfWeek")), text(period, "opens"),
            text(period, "closes")));
    }

    public static List<MenuItem> menu(JsonNode menu) {
        return list(menu.get("items"), item -> new MenuItem(sharedText(item, "menuItemId"), sharedText(item, "name"), money(item.get("price"))));
    }

    public static List<LineItem> lineItems(JsonNode array) {
        return list(array, item -> new LineItem(sharedText(item, "menuItemId"), sharedText(item, "name"), item.get("quantity").asInt(),
            money(item.get("unitPrice"))));
    }

    public static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> items = new ArrayList<>(array.size());
        array.forEach(node -> items.add(element.apply(node)));
        return List.copyOf(items);
    }
}
