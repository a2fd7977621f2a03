package dev.panorama.devstack.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A query made only of string equalities and {@code $in} lists of strings, at the top level or in a
 * top-level {@code $and}, checked with set lookups. The embedded server checks every candidate a query
 * finds against the whole query and an {@code $in} by walking its list: loading a batch's 10,000 states
 * by {@code _id} compared each document found with each id, some 10^8 string comparisons, about a fifth
 * of the server's CPU under a view builder's backlog. {@code mongod} looks the values up in its index
 * bounds instead; this does the same for the documents it can judge and leaves the rest to the server.
 */
final class StringConditions {

    private static final String IN = "$in";

    /** Per field, the values it may have. */
    private final Map<String, Set<String>> accepted;

    private StringConditions(Map<String, Set<String>> accepted) {
        this.accepted = accepted;
    }

    /** The query's conditions, or {@code null} when it has anything but string equalities and {@code $in} lists of strings. */
    static StringConditions of(Document query) {
        Map<String, Object> conditions = EqualityIndex.conditions(query);
        if (conditions == null || conditions.isEmpty()) {
            return null;
        }
        Map<String, Set<String>> accepted = new HashMap<>();
        for (Map.Entry<String, Object> condition : conditions.entrySet()) {
            Set<String> values = values(condition.getValue());
            if (condition.getKey().contains(".") || values == null) {
                return null;
            }
            accepted.put(condition.getKey(), values);
        }
        return new StringConditions(accepted);
    }

    /**
     * Whether the document matches, or {@code null} when one of its fields holds anything but a string
     * (an array matches when any element does, and so on): the server's own matcher must judge it.
     */
    Boolean matches(Document document) {
        boolean all = true;
        for (Map.Entry<String, Set<String>> condition : accepted.entrySet()) {
            Object value = document.get(condition.getKey());
            if (value == null && !document.containsKey(condition.getKey())) {
                // Absent: no string equals it (no condition here accepts null).
                all = false;
            } else if (value instanceof String text) {
                all &= condition.getValue().contains(text);
            } else {
                return null;
            }
        }
        return all;
    }

    /** The strings a field condition accepts, or {@code null} when it is not a string or an {@code $in} list of strings only. */
    private static Set<String> values(Object condition) {
        if (condition instanceof String value) {
            return Set.of(value);
        }
        if (condition instanceof Document operators && operators.size() == 1 && operators.get(IN) instanceof Collection<?> values
            && values.stream().allMatch(String.class::isInstance)) {
            Set<String> set = new HashSet<>();
            values.forEach(value -> set.add((String) value));
            return set;
        }
        return null;
    }
}
