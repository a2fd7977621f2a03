package dev.panorama.outbox.jdbc;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The PostgreSQL notification channel writers notify and relays listen on. It also names the relay
 * lock, so outboxes sharing a database need a channel each.
 */
public record NotifyChannel(String name) {

    // LISTEN takes an identifier, not a bind parameter: the name is checked instead. (Declared before
    // DEFAULT, which needs it when the class initialises.)
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public static final NotifyChannel DEFAULT = new NotifyChannel("panorama_outbox");

    public NotifyChannel {
        if (!IDENTIFIER.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("a notify channel is a lower-case SQL identifier of at most 63 characters: " + name);
        }
    }
}
