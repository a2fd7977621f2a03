package dev.panorama.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A secondary (non-unique) index for the embedded MongoDB server, which otherwise accepts such an index
 * and ignores it: every query on a foreign key scanned the whole collection, and the scans grew with the
 * data until they took most of the dev stack's CPU. It serves the queries a hash lookup can answer —
 * every indexed field given, each by a value or an {@code $in} list, at the top level or in a top-level
 * {@code $and} — and leaves everything else to a scan, as before. The collection still matches every
 * candidate against the whole query, so the index only narrows where it looks.
 *
 * <p>Entries are kept per key value and then per {@code _id}, so that a removal, which names the document
 * and not its position, finds its entry.
 */
final class EqualityIndex<P> extends Index<P> {

    private static final String IN = "$in";
    private static final String AND = "$and";

    private final Map<KeyValue, Map<Object, P>> entries = new HashMap<>();
    private long count;

    EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public synchronized P getPosition(Document document) {
        // Only a unique index can tell a document's position from its content.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // Non-unique: nothing to refuse.
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (skipped(document)) {
            return;
        }
        Object id = document.get("_id");
        for (KeyValue key : getKeyValues(document)) {
            if (entries.computeIfAbsent(key, ignored -> new HashMap<>()).put(id, position) == null) {
                count++;
            }
        }
    }

    @Override
    public synchronized P remove(Document document) {
        if (skipped(document)) {
            return null;
        }
        Object id = document.get("_id");
        P removed = null;
        for (KeyValue key : getKeyValues(document)) {
            Map<Object, P> ids = entries.get(key);
            P position = ids == null ? null : ids.remove(id);
            if (position != null) {
                removed = position;
                count--;
                if (ids.isEmpty()) {
                    entries.remove(key);
                }
            }
        }
        return removed;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // Non-unique: nothing to refuse.
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return lookups(query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        List<List<Object>> lookups = lookups(query);
        if (lookups == null) {
            throw new IllegalArgumentException("index " + getName() + " cannot answer " + query);
        }
        Set<P> positions = new LinkedHashSet<>();
        for (List<Object> values : combinations(lookups)) {
            Map<Object, P> ids = entries.get(new KeyValue(values).normalized());
            if (ids != null) {
                positions.addAll(ids.values());
            }
        }
        return positions;
    }

    /**
     * Per indexed field (in the index's order) the values the query accepts, or {@code null} when the
     * query is not a plain equality or {@code $in} on exactly the indexed fields.
     */
    private List<List<Object>> lookups(Document query) {
        Map<String, Object> conditions = conditions(query);
        if (conditions == null || !conditions.keySet().equals(keySet())) {
            return null;
        }
        List<List<Object>> lookups = new ArrayList<>();
        for (String field : keys()) {
            Object condition = conditions.get(field);
            if (condition instanceof Document operators) {
                if (!operators.keySet().equals(Set.of(IN)) || !(operators.get(IN) instanceof Collection<?> values)
                    || values.stream().anyMatch(EqualityIndex::unindexable)) {
                    return null;
                }
                lookups.add(List.copyOf(values));
            } else if (unindexable(condition)) {
                return null;
            } else {
                lookups.add(List.of(condition));
            }
        }
        return lookups;
    }

    /**
     * The query's field conditions, a top-level {@code $and} of single-field conditions flattened in; {@code null} when
     * it has any other operator at the top or names a field twice.
     */
    static Map<String, Object> conditions(Document query) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (entry.getKey().equals(AND) && entry.getValue() instanceof Collection<?> clauses) {
                for (Object clause : clauses) {
                    if (!(clause instanceof Document document) || !addAll(conditions, document)) {
                        return null;
                    }
                }
            } else if (entry.getKey().startsWith("$") || conditions.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                return null;
            }
        }
        return conditions;
    }

    private static boolean addAll(Map<String, Object> conditions, Document clause) {
        for (Map.Entry<String, Object> entry : clause.entrySet()) {
            if (entry.getKey().startsWith("$") || conditions.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Values whose matching is more than equality of the stored value: null also matches a missing field,
     * an array or sub-document compares as a whole or element-wise, a pattern is a regular expression.
     */
    private static boolean unindexable(Object value) {
        return value == null || value instanceof Document || value instanceof Collection<?> || value instanceof Pattern
            || value instanceof BsonRegularExpression;
    }

    private static List<List<Object>> combinations(List<List<Object>> lookups) {
        List<List<Object>> combinations = List.of(List.of());
        for (List<Object> values : lookups) {
            List<List<Object>> extended = new ArrayList<>();
            for (List<Object> prefix : combinations) {
                for (Object value : values) {
                    List<Object> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    extended.add(combination);
                }
            }
            combinations = extended;
        }
        return combinations;
    }

    /** A sparse index leaves out the documents that have none of its fields (their key values normalise to null). */
    private boolean skipped(Document document) {
        return isSparse() && getKeyValues(document).stream().allMatch(key -> key.stream().allMatch(Objects::isNull));
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        entries.clear();
        count = 0;
    }
}
