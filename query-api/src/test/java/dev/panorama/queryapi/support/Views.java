package dev.panorama.queryapi.support;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts documents where the view builder puts them: Elasticsearch aliases, MongoDB collections
 * {@code <prefix>order_details_v1} / {@code <prefix>consumer_summary_v1}, its states and its positions.
 */
public final class Views {

    private Views() {
    }

    public static void orderHistory(List<Order> orders) {
        Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        orders.forEach(order -> documents.put(order.orderId(), order.history()));
        QueryApiStack.elasticsearch().write(QueryApiStack.alias("order-history"), documents);
    }

    public static void orderDetails(Order order) {
        mongoView("order_details_v1", order.orderId(), order.details());
    }

    public static void restaurants(List<Map<String, Object>> restaurants) {
        QueryApiStack.elasticsearch().write(QueryApiStack.alias("available-restaurants"), restaurants, "restaurantId");
    }

    public static void consumerSummary(Map<String, Object> summary) {
        mongoView("consumer_summary_v1", (String) summary.get("consumerId"), summary);
    }

    /** A document as the view builder's MongoDB sink stores it: the JSON, {@code _id}, a revision. */
    public static void mongoView(String collection, String id, Map<String, Object> document) {
        Document stored = Document.parse(Http.JSON.writeValueAsString(document)).append("_id", id).append("_rev", 1L);
        QueryApiStack.database().getCollection(QueryApiStack.NAME_PREFIX.replace('-', '_') + collection)
            .replaceOne(Filters.eq("_id", id), stored, new ReplaceOptions().upsert(true));
    }

    /** The view builder's folded state of an aggregate: its version and the ids fan-outs query by. */
    public static void state(String type, String id, long version, Map<String, String> references) {
        Document document = new Document("_id", type + ":" + id).append("type", type).append("version", version)
            .append("state", new Document("id", id));
        references.forEach(document::append);
        QueryApiStack.database().getCollection(QueryApiStack.NAME_PREFIX + "view_builder_states")
            .replaceOne(Filters.eq("_id", type + ":" + id), document, new ReplaceOptions().upsert(true));
    }

    /** A position document as the view builder's {@code MongoPositions} writes it. */
    public static void position(String topic, int partition, long nextOffset, Instant lastEventAt, Instant appliedAt, Long heartbeatMillis,
                                Instant heartbeatSeenAt) {
        Document document = new Document("_id", QueryApiStack.GROUP + "/" + topic + "/" + partition).append("group", QueryApiStack.GROUP)
            .append("topic", topic).append("partition", partition).append("nextOffset", nextOffset)
            .append("lastEventAt", Date.from(lastEventAt)).append("appliedAt", Date.from(appliedAt));
        if (heartbeatMillis != null) {
            document.append("heartbeat", new Document("emittedAt", Date.from(heartbeatSeenAt.minusMillis(heartbeatMillis)))
                .append("seenAt", Date.from(heartbeatSeenAt)).append("roundTripMillis", heartbeatMillis));
        }
        QueryApiStack.database().getCollection(QueryApiStack.NAME_PREFIX + "view_builder_positions")
            .replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
    }
}
