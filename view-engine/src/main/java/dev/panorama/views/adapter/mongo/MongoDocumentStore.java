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
import dev.panorama.views.adapter.ViewMappings;
import dev.panorama.views.runtime.DocumentStore;
import dev.panorama.views.runtime.StoredView;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A MongoDB view: one collection, {@code _id} = document id, {@code _rev} = revision compared-and-set on
 * every replace. Unordered bulk writes; a lost race is reported per document, never as a failed batch.
 */
public final class MongoDocumentStore implements DocumentStore, StoredView {

    static final String REVISION = "_rev";
    static final String VERSIONS = "sourceVersions";
    /**
     * Serves the compare-and-set filter {@code {_id, _rev}} from an index on every engine: mongod would
     * use the {@code _id} index anyway, but the embedded wire server of the dev stack and the tests uses
     * an index only when its keys are exactly the filter's, and would scan the collection on every write.
     */
    static final String COMPARE_AND_SET_INDEX = "compare_and_set";

    private final MongoCollection<Document> collection;

    public MongoDocumentStore(MongoDatabase database, String collectionName) {
        this.collection = database.getCollection(collectionName);
        collection.createIndex(Indexes.ascending("_id", REVISION), new IndexOptions().unique(true).name(COMPARE_AND_SET_INDEX));
    }

    /**
     * The store of a view version, with the lookup indexes its mapping declares
     * ({@code schemas/views/<view>.v<N>.mongodb.json}, {@code indexes}): read-your-writes finds the
     * documents a consumer's or a restaurant's write reaches by those fields, which would otherwise be a
     * collection scan per check. A version without a mapping file gets none.
     *
     * @param name the view's name in this deployment (it may carry a prefix)
     * @param view the view's id in the catalogue
     */
    public static MongoDocumentStore ofView(MongoDatabase database, String name, String view, int version) {
        MongoDocumentStore store = new MongoDocumentStore(database, collectionName(name, version));
        for (JsonNode index : ViewMappings.find(view, version, "mongodb").map(mapping -> mapping.path("indexes")).orElse(MissingNode.getInstance())) {
            Document key = new Document();
            index.get("key").properties().forEach(field -> key.append(field.getKey(), field.getValue().asInt()));
            store.collection.createIndex(key, new IndexOptions().name(index.get("name").asString()));
        }
        return store;
    }

    /** MongoDB views live in a collection per version: {@code order-details} v1 in {@code order_details_v1}. */
    public static String collectionName(String viewName, int version) {
        return viewName.replace('-', '_') + "_v" + version;
    }

    @Override
    public Map<String, Stored> stored(Collection<String> ids) {
        Map<String, Stored> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document document : collection.find(Filters.in("_id", ids)).projection(Projections.include(REVISION, VERSIONS))) {
            found.put(document.getString("_id"), new Stored(versions(document.get(VERSIONS, Document.class)),
                document.get(REVISION, Number.class).longValue(), 0));
        }
        return found;
    }

    @Override
    public Written write(List<Write> writes) {
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        for (Write write : writes) {
            String id = write.document().id();
            Document document = new Document(DocumentJson.toMap(write.document())).append("_id", id);
            if (write.expected() == null) {
                models.add(new InsertOneModel<>(document.append(REVISION, 1L)));
            } else {
                long revision = write.expected().token();
                // On a stale revision the upsert inserts an existing _id: a duplicate-key error naming this write.
                // A plain {_id, _rev} document, not Filters.and (which renders as $and): see COMPARE_AND_SET_INDEX.
                models.add(new ReplaceOneModel<>(new Document("_id", id).append(REVISION, revision),
                    document.append(REVISION, revision + 1), new ReplaceOptions().upsert(true)));
            }
        }
        Set<String> conflicts = new HashSet<>();
        try {
            collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                conflicts.add(writes.get(error.getIndex()).document().id());
            }
        }
        Map<String, Stored> written = new HashMap<>();
        for (Write write : writes) {
            String id = write.document().id();
            if (!conflicts.contains(id)) {
                written.put(id, new Stored(write.document().sourceVersions(), write.expected() == null ? 1 : write.expected().token() + 1, 0));
            }
        }
        return new Written(conflicts, written);
    }

    @Override
    public Map<String, String> documents(Collection<String> ids) {
        Map<String, String> found = new TreeMap<>();
        for (Document document : collection.find(Filters.in("_id", ids))) {
            String id = document.getString("_id");
            document.remove("_id");
            document.remove(REVISION);
            found.put(id, document.toJson());
        }
        return found;
    }

    @Override
    public long count() {
        return collection.countDocuments();
    }

    @Override
    public void forEachId(Consumer<String> action) {
        collection.find().projection(Projections.include("_id")).forEach(document -> action.accept(document.getString("_id")));
    }

    private static Map<String, Long> versions(Document versions) {
        Map<String, Long> map = new HashMap<>();
        if (versions != null) {
            versions.forEach((source, version) -> map.put(source, ((Number) version).longValue()));
        }
        return map;
    }
}
