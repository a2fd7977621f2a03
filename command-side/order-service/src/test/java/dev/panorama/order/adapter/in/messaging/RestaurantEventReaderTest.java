package dev.panorama.order.adapter.in.messaging;

import dev.panorama.order.adapter.in.messaging.RestaurantEventReader.Ignored;
import dev.panorama.order.adapter.in.messaging.RestaurantEventReader.Malformed;
import dev.panorama.order.adapter.in.messaging.RestaurantEventReader.Read;
import dev.panorama.order.adapter.in.messaging.RestaurantEventReader.Update;
import dev.panorama.order.application.port.in.RestaurantUpdate;
import dev.panorama.order.domain.MenuItem;
import dev.panorama.order.domain.MenuItemId;
import dev.panorama.order.domain.Money;
import dev.panorama.servicetesting.ContractFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden restaurant events read into replica updates; what breaks the contract where the replica depends on it is malformed. */
class RestaurantEventReaderTest {

    private final RestaurantEventReader reader = new RestaurantEventReader();

    @Test
    void readsTheGoldenCreationWithNameAndMenu() {
        RestaurantUpdate update = update(golden("RestaurantCreated"));

        assertThat(update.eventId()).isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000005"));
        assertThat(update.eventType()).isEqualTo("restaurant.RestaurantCreated");
        assertThat(update.restaurantId().toString()).isEqualTo("8d2b7c41-6e5f-4a3b-b1c2-7d8e9f0a1b22");
        assertThat(update.version()).isEqualTo(1);
        assertThat(update.name()).contains("Ajanta");
        assertThat(update.menu()).hasValueSatisfying(menu -> assertThat(menu.items()).containsExactly(
            new MenuItem(new MenuItemId("chicken-vindaloo"), "Chicken Vindaloo", new Money("12.34", "USD")),
            new MenuItem(new MenuItemId("garlic-naan"), "Garlic Naan", new Money("3.50", "USD"))));
    }

    @Test
    void readsTheOtherGoldenEventsWithWhatEachCarries() {
        RestaurantUpdate renamed = update(golden("RestaurantRenamed"));
        RestaurantUpdate revised = update(golden("RestaurantMenuRevised"));
        RestaurantUpdate hours = update(golden("RestaurantOpeningHoursChanged"));

        assertThat(renamed.name()).isPresent();
        assertThat(renamed.menu()).isEmpty();
        assertThat(revised.name()).isEmpty();
        assertThat(revised.version()).isEqualTo(3);
        assertThat(revised.menu()).hasValueSatisfying(menu -> assertThat(menu.items()).hasSize(3));
        assertThat(hours.name()).isEmpty();
        assertThat(hours.menu()).as("only moves the version on").isEmpty();
    }

    @Test
    void readsAnEmptyMenuAndIgnoresFieldsItDoesNotKnow() {
        ObjectNode event = golden("RestaurantMenuRevised");
        ((ArrayNode) event.get("payload").get("menu").get("items")).removeAll();
        ((ObjectNode) event.get("payload")).put("michelinStars", 3);
        event.put("causationId", "something");

        assertThat(update(event).menu()).hasValueSatisfying(menu -> assertThat(menu.items()).isEmpty());
    }

    @Test
    void ignoresHeartbeatsAndEventsOfOtherKinds() {
        assertThat(reader.read(bytes(ContractFiles.read("examples/valid/panorama/Heartbeat.v1.json")))).isInstanceOf(Ignored.class);
        assertThat(reader.read(bytes(ContractFiles.read("examples/valid/order/OrderCreated.v1.json")))).isInstanceOf(Ignored.class);
        ObjectNode future = golden("RestaurantRenamed");
        future.put("eventType", "restaurant.RestaurantClosed");
        assertThat(reader.read(bytes(future))).isInstanceOf(Ignored.class);
    }

    @Test
    void refusesWhatIsNotAnEnvelope() {
        assertMalformed(reader.read(null), "no value");
        assertMalformed(reader.read("{not json".getBytes(StandardCharsets.UTF_8)), "not JSON");
        assertMalformed(reader.read("[1, 2]".getBytes(StandardCharsets.UTF_8)), "not a JSON object");
    }

    @Test
    void refusesBrokenEnvelopes() {
        assertMalformed(changed("RestaurantCreated", event -> event.put("eventId", "not-a-uuid")), "eventId");
        assertMalformed(changed("RestaurantCreated", event -> event.remove("eventId")), "eventId");
        assertMalformed(changed("RestaurantCreated", event -> event.put("aggregateVersion", 0)), "aggregateVersion");
        assertMalformed(changed("RestaurantCreated", event -> event.put("aggregateVersion", "1")), "aggregateVersion");
        assertMalformed(changed("RestaurantCreated", event -> event.put("schemaVersion", 2)), "schemaVersion");
        assertMalformed(changed("RestaurantCreated", event -> event.put("aggregateId", UUID.randomUUID().toString())), "restaurantId");
        assertMalformed(changed("RestaurantCreated", event -> event.put("payload", "none")), "payload");
    }

    @Test
    void refusesBrokenNamesMenusAndPrices() {
        assertMalformed(changed("RestaurantRenamed", event -> payload(event).put("name", "")), "name");
        assertMalformed(changed("RestaurantRenamed", event -> payload(event).put("name", "n".repeat(201))), "name");
        assertMalformed(changed("RestaurantCreated", event -> payload(event).remove("menu")), "menu");
        assertMalformed(changed("RestaurantMenuRevised", event -> price(event).put("amount", 12.34)), "amount");
        assertMalformed(changed("RestaurantMenuRevised", event -> price(event).put("amount", "12.3")), "amount");
        assertMalformed(changed("RestaurantMenuRevised", event -> price(event).put("currency", "usd")), "currency");
        assertMalformed(changed("RestaurantMenuRevised", event -> firstItem(event).put("menuItemId", "a b")), "menuItemId");
        assertMalformed(changed("RestaurantMenuRevised", event -> firstItem(event).put("menuItemId", "garlic-naan")), "more than once");
    }

    private Malformed assertMalformed(Read read, String mentioning) {
        assertThat(read).isInstanceOfSatisfying(Malformed.class, malformed -> assertThat(malformed.why()).containsIgnoringCase(mentioning));
        return (Malformed) read;
    }

    private Read changed(String golden, Consumer<ObjectNode> change) {
        ObjectNode event = golden(golden);
        change.accept(event);
        return reader.read(bytes(event));
    }

    private RestaurantUpdate update(JsonNode event) {
        Read read = reader.read(bytes(event));
        assertThat(read).isInstanceOf(Update.class);
        return ((Update) read).update();
    }

    private static ObjectNode golden(String name) {
        return (ObjectNode) ContractFiles.read("examples/valid/restaurant/" + name + ".v1.json");
    }

    private static ObjectNode payload(ObjectNode event) {
        return (ObjectNode) event.get("payload");
    }

    private static ObjectNode firstItem(ObjectNode event) {
        return (ObjectNode) event.get("payload").get("menu").get("items").get(0);
    }

    private static ObjectNode price(ObjectNode event) {
        return (ObjectNode) firstItem(event).get("price");
    }

    private static byte[] bytes(JsonNode node) {
        return ContractFiles.JSON.writeValueAsBytes(node);
    }
}
