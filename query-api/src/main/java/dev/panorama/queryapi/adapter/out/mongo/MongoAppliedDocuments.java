package dev.panorama.queryapi.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.panorama.queryapi.application.DocumentSelector;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.port.out.AppliedDocuments;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.HashSet;
import java.util.Set;

/** Version-vector checks on the MongoDB views, reading only {@code sourceVersions} of the reached documents. */
public final class MongoAppliedDocuments implements AppliedDocuments {

    private final MongoViewCollections collections;
    private final int maxDocuments;

    public MongoAppliedDocuments(MongoViewCollections collections, int maxDocuments) {
        this.collections = collections;
        this.maxDocuments = maxDocuments;
    }

    @Override
    public boolean holds(View view) {
        return view.store() == View.Store.MONGODB;
    }

    @Override
    public boolean reflect(View view, DocumentSelector selector, String sourceKey, long version) {
        Bson filter = switch (selector) {
            case DocumentSelector.ByIds ids -> Filters.in("_id", ids.ids());
            case DocumentSelector.ByConsumer consumer -> Filters.eq("consumer.id", consumer.consumerId());
            case DocumentSelector.ByRestaurant restaurant -> Filters.eq("restaurant.id", restaurant.restaurantId());
        };
        return MongoStores.call("checking " + view.id() + " for " + sourceKey, () -> {
            Set<String> seen = new HashSet<>();
            for (Document document : collections.current(view).collection().find(filter).projection(Projections.include("sourceVersions"))
                .limit(maxDocuments)) {
                Document versions = document.get("sourceVersions", Document.class);
                Number applied = versions == null ? null : versions.get(sourceKey, Number.class);
                if (applied == null || applied.longValue() < version) {
                    return false;
                }
                seen.add(document.getString("_id"));
            }
            return !(selector instanceof DocumentSelector.ByIds ids) || seen.containsAll(ids.ids());
        });
    }
}
