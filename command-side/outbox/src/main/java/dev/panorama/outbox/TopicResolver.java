package dev.panorama.outbox;

import java.util.Map;
import java.util.TreeMap;

/** The Kafka topic of an aggregate type: one topic per aggregate type, e.g. {@code ftgo.order.events}. */
@FunctionalInterface
public interface TopicResolver {

    /** @throws IllegalArgumentException when the aggregate type has no topic */
    String topicOf(String aggregateType);

    /** A fixed table; an aggregate type missing from it fails the append, and with it the command. */
    static TopicResolver of(Map<String, String> topicsByAggregateType) {
        Map<String, String> topics = Map.copyOf(topicsByAggregateType);
        return aggregateType -> {
            String topic = topics.get(aggregateType);
            if (topic == null) {
                throw new IllegalArgumentException("no topic for aggregate type " + aggregateType
                    + "; configured: " + new TreeMap<>(topics).keySet());
            }
            return topic;
        };
    }
}
