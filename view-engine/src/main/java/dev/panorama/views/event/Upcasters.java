package dev.panorama.views.event;

import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One step per (event type, version): turns a payload of version N into version N+1. Readers apply
 * the steps in a chain so that every published version reaches the current one.
 */
final class Upcasters {

    private static final Map<String, UnaryOperator<ObjectNode>> STEPS = Map.of(
        "consumer.ConsumerRegistered/1", Upcasters::consumerNameAsFirstAndLast
    );

    private Upcasters() {
    }

    static ObjectNode upcast(String eventType, int fromVersion, int toVersion, ObjectNode payload) {
        ObjectNode current = payload;
        for (int version = fromVersion; version < toVersion; version++) {
            UnaryOperator<ObjectNode> step = STEPS.get(eventType + "/" + version);
            if (step == null) {
                throw new IllegalStateException("no upcaster from " + eventType + " v" + version + " to v" + (version + 1));
            }
            current = step.apply(current.deepCopy());
        }
        return current;
    }

    static boolean hasStep(String eventType, int version) {
        return STEPS.containsKey(eventType + "/" + version);
    }

    /** v1 held the name as one string; v2 splits it at the last space (a single word is the last name). */
    private static ObjectNode consumerNameAsFirstAndLast(ObjectNode payload) {
        String full = payload.get("name").asString().trim();
        int split = full.lastIndexOf(' ');
        ObjectNode name = payload.objectNode();
        name.put("firstName", split < 0 ? "" : full.substring(0, split).trim());
        name.put("lastName", split < 0 ? full : full.substring(split + 1));
        payload.set("name", name);
        return payload;
    }
}
