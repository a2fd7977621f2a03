package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.InvalidValueException;

/** A client's name for one creation attempt: a retry with the same key gets the first answer. */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 200;

    public IdempotencyKey {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("an Idempotency-Key is 1 to " + MAX_LENGTH + " non-blank characters");
        }
    }
}
