package dev.panorama.queryapi.application;

import java.util.Set;
import java.util.UUID;

/**
 * What a command returned to its caller: the aggregate it changed and the version it reached. A query
 * carrying it must not be answered from a view that has not applied that version yet.
 *
 * @param aggregateType {@code consumer}, {@code restaurant}, {@code order} or {@code delivery}
 * @param aggregateId the aggregate's id (a UUID)
 * @param version the aggregate version the caller's command produced (1, 2, 3…)
 */
public record ConsistencyToken(String aggregateType, UUID aggregateId, long version) {

    public static final Set<String> AGGREGATE_TYPES = Set.of("consumer", "restaurant", "order", "delivery");

    public ConsistencyToken {
        if (!AGGREGATE_TYPES.contains(aggregateType)) {
            throw new IllegalArgumentException("aggregate type must be one of " + AGGREGATE_TYPES.stream().sorted().toList());
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more");
        }
    }

    /** Parses {@code <aggregateType>:<aggregateId>:<version>}. */
    public static ConsistencyToken parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected <aggregateType>:<aggregateId>:<version>");
        }
        UUID id;
        long version;
        try {
            id = Ids.uuid(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the aggregate id must be a UUID");
        }
        try {
            version = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the version must be a whole number");
        }
        return new ConsistencyToken(parts[0], id, version);
    }

    /** The key the view documents' version vectors use, {@code order:<id>}. */
    public String sourceKey() {
        return aggregateType + ":" + aggregateId;
    }

    @Override
    public String toString() {
        return sourceKey() + ":" + version;
    }
}
