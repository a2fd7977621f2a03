package dev.panorama.views.event;

/** One source aggregate: the key of a version-vector entry, written {@code <aggregateType>:<aggregateId>}. */
public record SourceKey(String aggregateType, String aggregateId) {

    public static SourceKey parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not a source key (<aggregateType>:<aggregateId>): " + text);
        }
        return new SourceKey(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return aggregateType + ":" + aggregateId;
    }
}
