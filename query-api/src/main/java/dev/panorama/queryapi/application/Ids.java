package dev.panorama.queryapi.application;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids are UUIDs in their canonical lower-case form; nothing else reaches a store as an id. */
public final class Ids {

    private static final Pattern CANONICAL = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** The UUID, only when {@code text} is one in the canonical 8-4-4-4-12 form (UUID.fromString accepts more). */
    public static UUID uuid(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(text.toLowerCase(Locale.ROOT));
    }
}
