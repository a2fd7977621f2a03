package dev.panorama.order.adapter.in.messaging;

import dev.panorama.order.application.port.in.RestaurantUpdate;
import dev.panorama.order.domain.Menu;
import dev.panorama.order.domain.MenuItem;
import dev.panorama.order.domain.MenuItemId;
import dev.panorama.order.domain.Money;
import dev.panorama.order.domain.RestaurantId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a record of the restaurant topic into what the replica needs. It checks the envelope and payload
 * against {@code schemas/events/} as far as the replica uses them: the ids, the version, the name and the
 * menu with its prices (the limits and patterns are the schemas'). Anything else in the event is ignored,
 * as readers of the contracts must; heartbeats and event types the replica does not use are no updates.
 */
final class RestaurantEventReader {

    static final String AGGREGATE_TYPE = "restaurant";
    static final String CREATED = "restaurant.RestaurantCreated";
    static final String RENAMED = "restaurant.RestaurantRenamed";
    static final String MENU_REVISED = "restaurant.RestaurantMenuRevised";
    static final String OPENING_HOURS_CHANGED = "restaurant.RestaurantOpeningHoursChanged";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_NAME_LENGTH = 200;

    /** What a record is to the replica. */
    sealed interface Read {
    }

    record Update(RestaurantUpdate update) implements Read {
    }

    /** A well-formed record the replica has no use for: a heartbeat, another aggregate's event. */
    record Ignored(String why) implements Read {
    }

    /** A record that breaks the contract where the replica depends on it. */
    record Malformed(String why) implements Read {
    }

    Read read(byte[] value) {
        if (value == null) {
            return new Malformed("the record has no value");
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(value);
        } catch (JacksonException notJson) {
            return new Malformed("the value is not JSON: " + notJson.getOriginalMessage());
        }
        try {
            return read(envelope);
        } catch (IllegalArgumentException broken) {
            // Includes the domain's InvalidValueException: a name, menu item or price outside the contract.
            return new Malformed(broken.getMessage());
        }
    }

    private static Read read(JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            return new Malformed("the value is not a JSON object");
        }
        String eventType = text(envelope, "eventType");
        String aggregateType = text(envelope, "aggregateType");
        if (!AGGREGATE_TYPE.equals(aggregateType)) {
            return new Ignored(eventType + " of aggregate type " + aggregateType + " is not a restaurant event");
        }
        if (!List.of(CREATED, RENAMED, MENU_REVISED, OPENING_HOURS_CHANGED).contains(eventType)) {
            return new Ignored(eventType + " is not a restaurant event this service knows");
        }
        JsonNode schemaVersion = envelope.get("schemaVersion");
        if (schemaVersion == null || !schemaVersion.isIntegralNumber() || schemaVersion.asLong() != 1) {
            throw new IllegalArgumentException(eventType + " schemaVersion " + schemaVersion + " is not one this service reads (1)");
        }
        UUID eventId = uuid(envelope, "eventId");
        String aggregateId = text(envelope, "aggregateId");
        RestaurantId restaurantId = new RestaurantId(uuid(envelope, "aggregateId"));
        JsonNode version = envelope.get("aggregateVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 1) {
            throw new IllegalArgumentException("aggregateVersion must be an integer of 1 or more, not " + version);
        }
        JsonNode payload = envelope.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("payload must be an object");
        }
        if (!aggregateId.equals(text(payload, "restaurantId"))) {
            throw new IllegalArgumentException("payload.restaurantId " + text(payload, "restaurantId") + " is not the aggregateId " + aggregateId);
        }
        Optional<String> name = eventType.equals(CREATED) || eventType.equals(RENAMED) ? Optional.of(name(payload)) : Optional.empty();
        Optional<Menu> menu = eventType.equals(CREATED) || eventType.equals(MENU_REVISED) ? Optional.of(menu(payload)) : Optional.empty();
        return new Update(new RestaurantUpdate(eventId, eventType, restaurantId, version.asLong(), name, menu));
    }

    private static String name(JsonNode payload) {
        String name = text(payload, "name");
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("payload.name must be a string of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    private static Menu menu(JsonNode payload) {
        JsonNode menu = payload.get("menu");
        JsonNode items = menu == null ? null : menu.get("items");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("payload.menu.items must be an array");
        }
        List<MenuItem> menuItems = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            JsonNode price = item.get("price");
            if (price == null || !price.isObject()) {
                throw new IllegalArgumentException("a menu item's price must be an object");
            }
            menuItems.add(new MenuItem(new MenuItemId(text(item, "menuItemId")), text(item, "name"),
                new Money(text(price, "amount"), text(price, "currency"))));
        }
        return new Menu(menuItems);
    }

    /** The field's text; {@code null} when absent, and refused when it is there but not a string (a price as a number, say). */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(field + " must be a string, not " + value);
        }
        return value.asString();
    }

    private static UUID uuid(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || !UUID_SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException(field + " must be a UUID, not " + text);
        }
        return UUID.fromString(text);
    }
}
