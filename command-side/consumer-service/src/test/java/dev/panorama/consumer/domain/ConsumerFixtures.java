package dev.panorama.consumer.domain;

import java.time.Instant;
import java.util.UUID;

/** Values for tests: the golden example's consumer. */
public final class ConsumerFixtures {

    public static final ConsumerId ADA = new ConsumerId(UUID.fromString("5f0c9a8e-3b1d-4c2e-9a57-1c2d3e4f5a61"));
    public static final Instant NOW = Instant.parse("2026-11-02T09:15:00Z");

    private ConsumerFixtures() {
    }

    public static PersonName adaLovelace() {
        return new PersonName("Ada", "Lovelace");
    }

    public static Email adaEmail() {
        return new Email("ada@example.org");
    }

    public static Address mainStreet() {
        return new Address("1 Main Street", null, "Oakland", "94612", "US");
    }

    public static Address harbourRoad() {
        return new Address("22 Harbour Road", "Flat 3", "Oakland", "94607", "US");
    }

    /** Ada as stored at {@code version}, nothing pending. */
    public static Consumer storedAda(long version) {
        return Consumer.restore(ADA, adaLovelace(), adaEmail(), mainStreet(), version);
    }
}
