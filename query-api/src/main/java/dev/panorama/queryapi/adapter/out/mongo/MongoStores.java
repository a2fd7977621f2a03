package dev.panorama.queryapi.adapter.out.mongo;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import dev.panorama.queryapi.application.StoreUnavailableException;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** What the MongoDB adapters share: failures as "store unavailable", documents as plain JSON maps. */
final class MongoStores {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MongoStores() {
    }

    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (MongoTimeoutException | MongoSocketException e) {
            throw new StoreUnavailableException("MongoDB did not answer while " + what, e);
        } catch (MongoException e) {
            throw new StoreUnavailableException("MongoDB failed while " + what + ": " + e.getMessage(), e);
        }
    }

    /** The view document as its JSON, without the store's own fields ({@code _id}, {@code _rev}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> viewDocument(Document document) {
        // Converted as a map: printing the document as JSON text to parse it again cost more than the read.
        Map<String, Object> map = JSON.convertValue(document, LinkedHashMap.class);
        map.remove("_id");
        map.remove("_rev");
        return map;
    }
}
