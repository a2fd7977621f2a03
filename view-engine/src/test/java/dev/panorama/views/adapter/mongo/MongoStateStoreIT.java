package dev.panorama.views.adapter.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.mongo.MongoEngine;
import dev.panorama.views.event.Values.Address;
import dev.panorama.views.event.Values.LineItem;
import dev.panorama.views.event.Values.Money;
import dev.panorama.views.event.SourceKey;
import dev.panorama.views.runtime.StateStore.StateUpdate;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.OrderState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Loads and foreign-key lookups through the recent states: what another builder saved meanwhile is read,
 * never a held older version, and the answer is the same as a store that holds nothing.
 */
@RealEngines
class MongoStateStoreIT {

    private static final Address ADDRESS = new Address("1 Main St", null, "Oakland", "94607", "US");

    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void connect(MongoEngine mongo, TestNamespace namespace) {
        client = MongoClients.create(mongo.connectionString());
        database = client.getDatabase(namespace.database("states"));
        database.drop();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void aLookupSeesWhatAnotherWriterSavedAfterItWasHeld() {
        MongoStateStore builder = new MongoStateStore(database, "states");
        MongoStateStore other = new MongoStateStore(database, "states");
        builder.save(List.of(new StateUpdate(order("o2", 1, "c1", "1.00"), 0), new StateUpdate(order("o1", 1, "c1", "2.00"), 0),
            new StateUpdate(order("o3", 1, "c2", "3.00"), 0)));
        assertThat(builder.ordersOfConsumer("c1")).extracting(OrderState::id).containsExactly("o1", "o2");

        other.save(List.of(new StateUpdate(order("o1", 2, "c1", "9.99"), 1), new StateUpdate(order("o4", 1, "c1", "4.00"), 0)));

        Map<String, List<OrderState>> seen = builder.ordersOfConsumers(List.of("c1", "c2", "nobody"));
        assertThat(seen.get("c1")).extracting(OrderState::id, OrderState::version).containsExactly(
            tuple("o1", 2L), tuple("o2", 1L), tuple("o4", 1L));
        assertThat(seen.get("c1").getFirst().orderTotal().amount()).isEqualByComparingTo("9.99");
        assertThat(seen.get("c2")).extracting(OrderState::id).containsExactly("o3");
        assertThat(seen.get("nobody")).isEmpty();
        assertThat(seen).isEqualTo(new MongoStateStore(database, "states", 0).ordersOfConsumers(List.of("c1", "c2", "nobody")));
        assertThat(builder.ordersAtRestaurant("r1")).isEqualTo(new MongoStateStore(database, "states", 0).ordersAtRestaurant("r1"));
    }

    @Test
    void aLoadSeesWhatAnotherWriterSavedAfterItWasHeld() {
        MongoStateStore builder = new MongoStateStore(database, "states");
        MongoStateStore other = new MongoStateStore(database, "states");
        builder.save(List.of(new StateUpdate(order("o1", 1, "c1", "1.00"), 0), new StateUpdate(order("o2", 1, "c1", "2.00"), 0)));
        other.save(List.of(new StateUpdate(order("o1", 2, "c1", "9.99"), 1)));

        Map<SourceKey, AggregateState> loaded = builder.load(List.of(key("o1"), key("o2"), key("never-saved")));

        assertThat(loaded).containsOnlyKeys(key("o1"), key("o2"));
        assertThat(((OrderState) loaded.get(key("o1"))).orderTotal().amount()).as("the other writer's version, not the held one")
            .isEqualByComparingTo("9.99");
        assertThat(loaded.get(key("o2")).version()).isEqualTo(1);
        assertThat(loaded).isEqualTo(new MongoStateStore(database, "states", 0).load(List.of(key("o1"), key("o2"), key("never-saved"))));
    }

    private static SourceKey key(String orderId) {
        return new SourceKey(OrderState.TYPE, orderId);
    }

    private static OrderState order(String id, long version, String consumerId, String total) {
        Money money = new Money(new BigDecimal(total), "USD");
        Instant at = Instant.parse("2026-11-26T12:00:00Z").plusSeconds(version);
        return new OrderState(id, version, consumerId, "r1", OrderState.Status.values()[0], null, List.of(new LineItem("m1", "Dal", 1, money)),
            money, ADDRESS, at, null, at);
    }
}
