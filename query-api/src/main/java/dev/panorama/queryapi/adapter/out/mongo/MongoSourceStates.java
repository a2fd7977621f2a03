package dev.panorama.queryapi.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.panorama.queryapi.application.SourceState;
import dev.panorama.queryapi.application.port.out.SourceStates;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The view builder's folded states ({@code <prefix>view_builder_states}: {@code _id} = {@code order:<id>},
 * {@code version}, and the foreign keys its fan-outs query by). Only those top-level fields are read.
 */
public final class MongoSourceStates implements SourceStates {

    private static final List<String> REFERENCES = List.of("consumerId", "restaurantId", "orderId");

    private final MongoCollection<Document> collection;

    public MongoSourceStates(MongoDatabase database, String collectionName) {
        this.collection = database.getCollection(collectionName);
    }

    @Override
    public Optional<SourceState> find(String aggregateType, UUID aggregateId) {
        String key = aggregateType + ":" + aggregateId;
        return MongoStores.call("reading the state of " + key, () -> Optional.ofNullable(
                collection.find(Filters.eq("_id", key)).projection(Projections.include("version", "consumerId", "restaurantId", "orderId")).first())
            .map(document -> {
                Map<String, String> references = new HashMap<>();
                REFERENCES.forEach(name -> {
                    if (document.get(name) instanceof String value) {
                        references.put(name, value);
                    }
                });
                return new SourceState(aggregateType, aggregateId.toString(), document.get("version", Number.class).longValue(), references);
            }));
    }
}
