package dev.panorama.queryapi.application;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The views the API serves, the aggregate types each one is rendered from (which decides the topics
 * its lag is measured on and which consistency tokens concern it) and the store it lives in.
 */
public enum View {

    ORDER_HISTORY("order-history", Store.ELASTICSEARCH, Set.of("order", "consumer", "restaurant", "delivery")),
    ORDER_DETAILS("order-details", Store.MONGODB, Set.of("order", "consumer", "restaurant", "delivery")),
    AVAILABLE_RESTAURANTS("available-restaurants", Store.ELASTICSEARCH, Set.of("restaurant")),
    CONSUMER_SUMMARY("consumer-summary", Store.MONGODB, Set.of("consumer", "order", "delivery"));

    public enum Store { ELASTICSEARCH, MONGODB }

    private final String id;
    private final Store store;
    private final Set<String> sourceTypes;

    View(String id, Store store, Set<String> sourceTypes) {
        this.id = id;
        this.store = store;
        this.sourceTypes = sourceTypes;
    }

    /** The view's name on the wire and in the stores, {@code order-history}. */
    public String id() {
        return id;
    }

    public Store store() {
        return store;
    }

    public Set<String> sourceTypes() {
        return sourceTypes;
    }

    /** The event topics the view is built from, one per aggregate type, sorted. */
    public List<String> topics(String topicPrefix) {
        return sourceTypes.stream().sorted().map(type -> topicPrefix + "ftgo." + type + ".events").toList();
    }

    public static Optional<View> byId(String id) {
        return Arrays.stream(values()).filter(view -> view.id.equals(id)).findFirst();
    }
}
