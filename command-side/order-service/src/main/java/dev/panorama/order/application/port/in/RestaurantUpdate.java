package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.Menu;
import dev.panorama.order.domain.RestaurantId;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What one restaurant event tells the order service: the restaurant's version after it, and its name or
 * menu when the event carries them (a creation both, a renaming the name, a menu revision the menu, a
 * change of opening hours neither: it only moves the version on).
 *
 * @param eventId   the envelope's {@code eventId}, shared by duplicates of one event
 * @param eventType the wire name, for the logs
 * @param version   the envelope's {@code aggregateVersion}
 */
public record RestaurantUpdate(UUID eventId, String eventType, RestaurantId restaurantId, long version, Optional<String> name,
                               Optional<Menu> menu) {

    public RestaurantUpdate {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(menu, "menu");
        if (version < 1) {
            throw new IllegalArgumentException("a restaurant's version is 1 or more: " + version);
        }
    }
}
