package dev.panorama.views.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.event.SourceKey;
import dev.panorama.views.runtime.StateStore;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.OrderState;
import dev.panorama.views.state.RestaurantState;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Aggregate states in one MongoDB collection: {@code _id} is the source key, {@code version} the
 * aggregate version, {@code state} the folded state, plus the foreign keys fan-outs query by. A save is
 * a per-document compare-and-set on {@code version}; no session or transaction is needed. Loads and
 * lookups by foreign key read versions first and reuse the states read or saved lately
 * ({@link RecentStates}) that are still at their stored version.
 */
public final class MongoStateStore implements StateStore {

    private static final Map<String, Class<? extends AggregateState>> TYPES = Map.of(
        ConsumerState.TYPE, ConsumerState.class,
        RestaurantState.TYPE, RestaurantState.class,
        OrderState.TYPE, OrderState.class,
        DeliveryState.TYPE, DeliveryState.class);

    /** States held to spare fan-outs decoding what did not change; about a kilobyte each. */
    public static final int DEFAULT_RECENT_STATES = 20_000;

    private final MongoCollection<Document> collection;
    private final RecentStates recent;

    public MongoStateStore(MongoDatabase database, String collectionName) {
        this(database, collectionName, DEFAULT_RECENT_STATES);
    }

    /** @param recentStates how many states to hold for foreign-key lookups */
    public MongoStateStore(MongoDatabase database, String collectionName, int recentStates) {
        this.collection = database.getCollection(collectionName);
        this.recent = new RecentStates(recentStates);
        collection.createIndex(Indexes.ascending("type", "consumerId"), new IndexOptions().name("orders_by_consumer"));
        collection.createIndex(Indexes.ascending("type", "restaurantId"), new IndexOptions().name("orders_by_restaurant"));
        collection.createIndex(Indexes.ascending("type", "orderId"), new IndexOptions().name("deliveries_by_order"));
        // The compare-and-set filter {_id, version} from an index on every engine (see MongoDocumentStore).
        collection.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("compare_and_set"));
    }

    @Override
    public Map<SourceKey, AggregateState> load(Collection<SourceKey> keys) {
        Map<SourceKey, AggregateState> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        // Most of a batch's states were saved by this builder a batch or two ago: their versions are read,
        // and only states not held at those versions are read whole and decoded.
        List<String> ids = keys.stream().map(SourceKey::toString).toList();
        for (AggregateState state : query(Filters.in("_id", ids), AggregateState.class)) {
            found.put(state.source(), state);
        }
        return found;
    }

    @Override
    public void save(List<StateUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(updates.size());
        for (StateUpdate update : updates) {
            Document document = document(update.state());
            if (update.expectedVersion() == 0) {
                writes.add(new InsertOneModel<>(document));
            } else {
                // A stale version matches nothing, so the upsert tries to insert an existing _id: a duplicate-key
                // error that names the losing write, where a plain replace would only lower a count.
                writes.add(new ReplaceOneModel<>(new Document("_id", update.state().source().toString()).append("version", update.expectedVersion()),
                    document, new ReplaceOptions().upsert(true)));
            }
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            List<String> conflicts = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                conflicts.add(updates.get(error.getIndex()).state().source().toString());
            }
            throw new StateConflictException("states moved on meanwhile: " + conflicts);
        }
        updates.forEach(update -> recent.remember(update.state()));
    }

    @Override
    public Optional<ConsumerState> consumer(String consumerId) {
        return byId(new SourceKey(ConsumerState.TYPE, consumerId), ConsumerState.class);
    }

    @Override
    public Optional<RestaurantState> restaurant(String restaurantId) {
        return byId(new SourceKey(RestaurantState.TYPE, restaurantId), RestaurantState.class);
    }

    @Override
    public Optional<OrderState> order(String orderId) {
        return byId(new SourceKey(OrderState.TYPE, orderId), OrderState.class);
    }

    @Override
    public List<OrderState> ordersOfConsumer(String consumerId) {
        return query(Filters.and(Filters.eq("type", OrderState.TYPE), Filters.eq("consumerId", consumerId)), OrderState.class);
    }

    @Override
    public List<OrderState> ordersAtRestaurant(String restaurantId) {
        return query(Filters.and(Filters.eq("type", OrderState.TYPE), Filters.eq("restaurantId", restaurantId)), OrderState.class);
    }

    @Override
    public List<DeliveryState> deliveriesOfOrder(String orderId) {
        return query(Filters.and(Filters.eq("type", DeliveryState.TYPE), Filters.eq("orderId", orderId)), DeliveryState.class);
    }

    @Override
    public Map<String, List<OrderState>> ordersOfConsumers(Collection<String> consumerIds) {
        return grouped(OrderState.TYPE, "consumerId", consumerIds, OrderState.class, OrderState::consumerId);
    }

    @Override
    public Map<String, List<OrderState>> ordersAtRestaurants(Collection<String> restaurantIds) {
        return grouped(OrderState.TYPE, "restaurantId", restaurantIds, OrderState.class, OrderState::restaurantId);
    }

    @Override
    public Map<String, List<DeliveryState>> deliveriesOfOrders(Collection<String> orderIds) {
        return grouped(DeliveryState.TYPE, "orderId", orderIds, DeliveryState.class, DeliveryState::orderId);
    }

    /** One query for many foreign keys; every key asked for gets a list, empty when nothing refers to it. */
    private <T extends AggregateState> Map<String, List<T>> grouped(String type, String field, Collection<String> keys, Class<T> stateType,
                                                                    Function<T, String> foreignKey) {
        Map<String, List<T>> found = new HashMap<>();
        keys.forEach(key -> found.put(key, new ArrayList<>()));
        if (keys.isEmpty()) {
            return found;
        }
        for (T state : query(Filters.and(Filters.eq("type", type), Filters.in(field, List.copyOf(keys))), stateType)) {
            List<T> group = found.get(foreignKey.apply(state));
            if (group != null) {
                group.add(state);
            }
        }
        return found;
    }

    private <T extends AggregateState> Optional<T> byId(SourceKey key, Class<T> type) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", key.toString())).first()).map(document -> type.cast(state(document)));
    }

    /**
     * The states a filter matches, sorted by id: their ids and versions first, then whole only those not
     * held at that version. A state that moved on between the two reads comes back newer, never older.
     */
    private <T extends AggregateState> List<T> query(Bson filter, Class<T> type) {
        List<String> ids = new ArrayList<>();
        Map<String, AggregateState> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Document document : collection.find(filter).projection(Projections.include("version"))) {
            String id = document.getString("_id");
            ids.add(id);
            AggregateState held = recent.at(id, document.get("version", Number.class).longValue());
            if (held != null) {
                found.put(id, held);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (Document document : collection.find(Filters.in("_id", missing))) {
                AggregateState state = state(document);
                recent.remember(state);
                found.put(document.getString("_id"), state);
            }
        }
        // Sorted here, not by the server: sorting the ids spares it a blocking sort of everything the filter matched.
        ids.sort(null);
        List<T> states = new ArrayList<>(ids.size());
        for (String id : ids) {
            AggregateState state = found.get(id);
            if (state != null) {
                states.add(type.cast(state));
            }
        }
        return states;
    }

    static Document document(AggregateState state) {
        Document document = new Document("_id", state.source().toString())
            .append("type", state.aggregateType())
            .append("version", state.version())
            .append("state", new Document(DocumentJson.toMap(state)));
        switch (state) {
            case OrderState order -> document.append("consumerId", order.consumerId()).append("restaurantId", order.restaurantId());
            case DeliveryState delivery -> document.append("orderId", delivery.orderId());
            case ConsumerState ignored -> { }
            case RestaurantState ignored -> { }
        }
        return document;
    }

    static AggregateState state(Document document) {
        Class<? extends AggregateState> type = TYPES.get(document.getString("type"));
        if (type == null) {
            throw new IllegalStateException("unknown state type " + document.getString("type") + " in " + document.get("_id"));
        }
        // Converted as a map, not printed to JSON text and parsed again: this is most of a fan-out's CPU.
        return DocumentJson.fromMap(document.get("state", Document.class), type);
    }
}
