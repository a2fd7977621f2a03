package dev.panorama.queryapi.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import dev.panorama.queryapi.application.Versioned;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.port.out.OrderDetailsReader;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code order-details} by id: one typed {@code _id} equality, nothing from the request reaches the filter as structure. */
public final class MongoOrderDetailsReader implements OrderDetailsReader {

    private final MongoViewCollections collections;

    public MongoOrderDetailsReader(MongoViewCollections collections) {
        this.collections = collections;
    }

    @Override
    public Versioned<Optional<Map<String, Object>>> byId(UUID orderId) {
        MongoViewCollections.Current current = collections.current(View.ORDER_DETAILS);
        return new Versioned<>(current.version(), MongoStores.call("reading order " + orderId,
            () -> Optional.ofNullable(current.collection().find(Filters.eq("_id", orderId.toString())).first()).map(MongoStores::viewDocument)));
    }
}
