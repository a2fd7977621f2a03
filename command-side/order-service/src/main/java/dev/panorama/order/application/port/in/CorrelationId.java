package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.InvalidValueException;

import java.util.UUID;

/** Ties the events of one request together across services; travels in the event envelope. */
public record CorrelationId(String value) {

    private static final int MAX_LENGTH = 128;

    public CorrelationId {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("a correlation id is 1 to " + MAX_LENGTH + " non-blank characters");
        }
    }

    public static CorrelationId random() {
        return new CorrelationId(UUID.randomUUID().toString());
    }
}
