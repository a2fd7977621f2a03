package dev.panorama.queryapi.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import dev.panorama.queryapi.application.Versioned;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.port.out.ConsumerSummaryReader;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code consumer-summary} by consumer id: one typed {@code _id} equality. */
public final class MongoConsumerSummaryReader implements ConsumerSummaryReader {

    private final MongoViewCollections collections;

    public MongoConsumerSummaryReader(MongoViewCollections collections) {
        this.collections = collections;
    }

    @Override
    public Versioned<Optional<Map<String, Object>>> byId(UUID consumerId) {
        MongoViewCollections.Current current = collections.current(View.CONSUMER_SUMMARY);
        return new Versioned<>(current.version(), MongoStores.call("reading consumer " + consumerId,
            () -> Optional.ofNullable(current.collection().find(Filters.eq("_id", consumerId.toString())).first()).map(MongoStores::viewDocument)));
    }
}
