package dev.panorama.views.event;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** {@code schemas/events/catalog.json}, read from the schemas artifact on the class path. */
public final class EventCatalog {

    static final String ROOT = "panorama/schemas/events/";

    private final Map<String, List<Integer>> versions = new HashMap<>();
    private final Map<String, Integer> current = new HashMap<>();
    private final Map<String, String> topics = new HashMap<>();

    private EventCatalog(JsonNode catalog) {
        for (JsonNode entry : catalog.get("events")) {
            String eventType = entry.get("eventType").asString();
            versions.put(eventType, StreamSupport.stream(entry.get("versions").spliterator(), false).map(JsonNode::asInt).toList());
            current.put(eventType, entry.get("currentVersion").asInt());
        }
        catalog.get("topics").properties().forEach(topic -> topics.put(topic.getKey(), topic.getValue().asString()));
    }

    public static EventCatalog load(ObjectMapper json) {
        return new EventCatalog(json.readTree(resource("catalog.json")));
    }

    static byte[] resource(String name) {
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + name + " is not on the class path (panorama-schemas missing?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean knows(String eventType) {
        return versions.containsKey(eventType);
    }

    public List<Integer> versionsOf(String eventType) {
        return versions.getOrDefault(eventType, List.of());
    }

    public int currentVersionOf(String eventType) {
        return current.get(eventType);
    }

    /** The topic of an aggregate type's events, such as {@code ftgo.order.events}. */
    public Optional<String> topicOf(String aggregateType) {
        return Optional.ofNullable(topics.get(aggregateType));
    }

    public Map<String, String> topics() {
        return Map.copyOf(topics);
    }
}
