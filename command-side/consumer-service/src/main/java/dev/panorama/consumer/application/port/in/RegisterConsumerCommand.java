package dev.panorama.consumer.application.port.in;

import dev.panorama.consumer.domain.Address;
import dev.panorama.consumer.domain.Email;
import dev.panorama.consumer.domain.PersonName;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Register a consumer. Valid by construction: the value types check themselves.
 *
 * @param idempotencyKey when present, a retry with the same key and body answers the first result
 */
public record RegisterConsumerCommand(PersonName name, Email email, Address address,
                                      Optional<IdempotencyKey> idempotencyKey, CorrelationId correlationId) {

    public RegisterConsumerCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** Identifies the request body, so that a key reused for a different registration is recognised. */
    public String fingerprint() {
        // Unit separator between fields, a NUL for an absent one: no two different bodies give the same text.
        String canonical = Stream.of(name.firstName(), name.lastName(), email.value(), address.street1(), address.street2(),
                address.city(), address.postalCode(), address.country())
            .map(field -> field == null ? "\u0000" : field)
            .collect(Collectors.joining("\u001f"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
