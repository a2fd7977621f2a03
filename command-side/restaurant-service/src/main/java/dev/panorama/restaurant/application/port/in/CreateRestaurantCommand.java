package dev.panorama.restaurant.application.port.in;

import dev.panorama.restaurant.domain.Address;
import dev.panorama.restaurant.domain.Cuisine;
import dev.panorama.restaurant.domain.GeoPoint;
import dev.panorama.restaurant.domain.Menu;
import dev.panorama.restaurant.domain.MenuItem;
import dev.panorama.restaurant.domain.OpeningHours;
import dev.panorama.restaurant.domain.OpeningPeriod;
import dev.panorama.restaurant.domain.RestaurantName;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Create a restaurant. Valid by construction: the value types check themselves.
 *
 * @param idempotencyKey when present, a retry with the same key and body answers the first result
 */
public record CreateRestaurantCommand(RestaurantName name, Optional<Cuisine> cuisine, GeoPoint location, Address address,
                                      OpeningHours openingHours, Menu menu, Optional<IdempotencyKey> idempotencyKey,
                                      CorrelationId correlationId) {

    public CreateRestaurantCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cuisine, "cuisine");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(openingHours, "openingHours");
        Objects.requireNonNull(menu, "menu");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** Identifies the request body, so that a key reused for a different restaurant is recognised. */
    public String fingerprint() {
        // Unit separator between fields, a NUL for an absent one, list sizes before list elements:
        // no two different bodies give the same text.
        List<String> fields = new ArrayList<>(List.of(name.value(), cuisine.map(Cuisine::value).orElse("\u0000"),
            Double.toString(location.lat()), Double.toString(location.lon()), address.street1(),
            Objects.requireNonNullElse(address.street2(), "\u0000"), address.city(), address.postalCode(), address.country()));
        fields.add(Integer.toString(openingHours.periods().size()));
        for (OpeningPeriod period : openingHours.periods()) {
            fields.addAll(List.of(period.dayOfWeek().name(), period.opens(), period.closes()));
        }
        fields.add(Integer.toString(menu.items().size()));
        for (MenuItem item : menu.items()) {
            fields.addAll(List.of(item.menuItemId().value(), item.name(), item.price().amount(), item.price().currency()));
        }
        String canonical = String.join("\u001f", fields);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
