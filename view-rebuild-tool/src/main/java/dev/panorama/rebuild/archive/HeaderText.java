package dev.panorama.rebuild.archive;

/** A record's headers as UTF-8 text, by name. */
@FunctionalInterface
public interface HeaderText {

    /** The outbox relay's routing headers: which aggregate an event belongs to, and at which of its versions. */
    String AGGREGATE_TYPE = "panorama-aggregate-type";
    String AGGREGATE_ID = "panorama-aggregate-id";
    String AGGREGATE_VERSION = "panorama-aggregate-version";

    /** The header's value as text, or {@code null} when the record has no such header (or a {@code null} value). */
    String get(String name);

    /** {@code <aggregateType>:<aggregateId>} from the routing headers, or {@code null} when the record has none. */
    default String sourceKey() {
        String type = get(AGGREGATE_TYPE);
        String id = get(AGGREGATE_ID);
        return type == null || id == null ? null : type + ":" + id;
    }

    /** The aggregate version from the routing headers; 0 when the record has none, or not a number. */
    default long aggregateVersion() {
        String version = get(AGGREGATE_VERSION);
        try {
            return version == null ? 0 : Long.parseLong(version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
