package dev.panorama.views.event;

/**
 * One shared instance for text that repeats across events: currencies, addresses, menu items, the consumer,
 * restaurant and courier an order or a delivery refers to. A fold in memory holds hundreds of thousands of
 * states, and without this most of their strings would be copies of a few thousand values (about a quarter of
 * the heap a rebuild holds, copied again by every young collection).
 *
 * <p>A lossy table of fixed size: a value takes the slot of its hash, so at most {@link #SLOTS} strings are held,
 * and a value whose slot another one took is simply not shared. Slots are read and written without locks: a
 * {@code String} is immutable and safely published, and a lost write only loses sharing.
 */
final class SharedStrings {

    private static final int SLOTS = 1 << 16;
    private static final String[] TABLE = new String[SLOTS];

    private SharedStrings() {
    }

    /** An equal string, the one held when there is one; {@code null} for {@code null}. */
    static String of(String value) {
        if (value == null) {
            return null;
        }
        int hash = value.hashCode();
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        String held = TABLE[slot];
        if (value.equals(held)) {
            return held;
        }
        TABLE[slot] = value;
        return value;
    }
}
