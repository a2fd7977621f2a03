package dev.panorama.schemas;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What may change in a published schema version: annotations (title, description, comments,
 * examples), and new optional properties or definitions. Anything else (a removed or retyped field,
 * a new required field, a tightened or loosened constraint, an enum change) breaks a reader or a
 * writer of events already in the archive, and needs a new version file instead.
 */
final class SchemaCompatibility {

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples");
    private static final Set<String> UNORDERED_ARRAYS = Set.of("required", "enum");
    private static final Set<String> OPEN_MAPS = Set.of("properties", "$defs");

    private SchemaCompatibility() {
    }

    /** The breaking changes from {@code published} to {@code current}; empty when compatible. */
    static List<String> breakingChanges(JsonNode published, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("", normalise(published), normalise(current), changes);
        return changes;
    }

    /** The schema without annotations, the form kept in the published lock. */
    static JsonNode normalise(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            ObjectNode copy = SchemaFiles.JSON.createObjectNode();
            object.properties().stream()
                .filter(entry -> !ANNOTATIONS.contains(entry.getKey()))
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(entry -> copy.set(entry.getKey(), normalise(entry.getValue())));
            return copy;
        }
        if (schema instanceof ArrayNode array) {
            ArrayNode copy = SchemaFiles.JSON.createArrayNode();
            array.forEach(element -> copy.add(normalise(element)));
            return copy;
        }
        return schema;
    }

    private static void compare(String path, JsonNode published, JsonNode current, List<String> changes) {
        if (published.isObject() && current.isObject()) {
            compareObjects(path, published, current, changes);
        } else if (!published.equals(current)) {
            changes.add(path + ": changed from " + published + " to " + current);
        }
    }

    private static void compareObjects(String path, JsonNode published, JsonNode current, List<String> changes) {
        for (String key : published.propertyNames()) {
            String at = path + "/" + key;
            if (!current.has(key)) {
                changes.add(at + ": removed");
            } else if (OPEN_MAPS.contains(key)) {
                for (String name : published.get(key).propertyNames()) {
                    if (!current.get(key).has(name)) {
                        changes.add(at + "/" + name + ": removed");
                    } else {
                        compare(at + "/" + name, published.get(key).get(name), current.get(key).get(name), changes);
                    }
                }
            } else if (UNORDERED_ARRAYS.contains(key) && published.get(key).isArray() && current.get(key).isArray()) {
                if (!asSet(published.get(key)).equals(asSet(current.get(key)))) {
                    changes.add(at + ": changed from " + published.get(key) + " to " + current.get(key));
                }
            } else {
                compare(at, published.get(key), current.get(key), changes);
            }
        }
        for (String key : current.propertyNames()) {
            if (!published.has(key) && !OPEN_MAPS.contains(key)) {
                changes.add(path + "/" + key + ": added constraint " + current.get(key));
            }
        }
    }

    private static Set<JsonNode> asSet(JsonNode array) {
        Set<JsonNode> set = new HashSet<>();
        array.forEach(set::add);
        return set;
    }
}
