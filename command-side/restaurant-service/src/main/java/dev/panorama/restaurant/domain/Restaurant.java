package dev.panorama.restaurant.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The restaurant aggregate. Every change that alters it records one event and raises its version by one;
 * a change to what it already is (the same name, menu or opening hours) records nothing and keeps the version.
 *
 * <p>At most one change per unit of work: the store raises the version once per save, so a second
 * change before the save would give two events and one stored version.
 */
public final class Restaurant {

    private final RestaurantId id;
    private final Optional<Cuisine> cuisine;
    private final GeoPoint location;
    private final Address address;
    private final long storedVersion;
    private final List<RestaurantEvent> pendingEvents = new ArrayList<>();
    private RestaurantName name;
    private OpeningHours openingHours;
    private Menu menu;

    private Restaurant(RestaurantId id, RestaurantName name, Optional<Cuisine> cuisine, GeoPoint location, Address address,
                       OpeningHours openingHours, Menu menu, long storedVersion) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.cuisine = Objects.requireNonNull(cuisine, "cuisine");
        this.location = Objects.requireNonNull(location, "location");
        this.address = Objects.requireNonNull(address, "address");
        this.openingHours = Objects.requireNonNull(openingHours, "openingHours");
        this.menu = Objects.requireNonNull(menu, "menu");
        this.storedVersion = storedVersion;
    }

    /** A new restaurant at version 1, with its {@link RestaurantCreated} pending. */
    public static Restaurant create(RestaurantId id, RestaurantName name, Optional<Cuisine> cuisine, GeoPoint location, Address address,
                                    OpeningHours openingHours, Menu menu, Instant now) {
        Restaurant restaurant = new Restaurant(id, name, cuisine, location, address, openingHours, menu, 0);
        restaurant.pendingEvents.add(new RestaurantCreated(UUID.randomUUID(), now, id, restaurant.nextVersion(), name, cuisine, location,
            address, openingHours, menu));
        return restaurant;
    }

    /** A restaurant as the store holds it, at {@code version} (1 or more), with nothing pending. */
    public static Restaurant restore(RestaurantId id, RestaurantName name, Optional<Cuisine> cuisine, GeoPoint location, Address address,
                                     OpeningHours openingHours, Menu menu, long version) {
        if (version < 1) {
            throw new IllegalArgumentException("a stored restaurant has version 1 or more: " + version);
        }
        return new Restaurant(id, name, cuisine, location, address, openingHours, menu, version);
    }

    public void rename(RestaurantName newName, Instant now) {
        Objects.requireNonNull(newName, "newName");
        if (newName.equals(name)) {
            return;
        }
        requireNothingPending();
        name = newName;
        pendingEvents.add(new RestaurantRenamed(UUID.randomUUID(), now, id, nextVersion(), newName));
    }

    /** Replaces the whole menu; the same items in the same order is no change. */
    public void reviseMenu(Menu newMenu, Instant now) {
        Objects.requireNonNull(newMenu, "newMenu");
        if (newMenu.equals(menu)) {
            return;
        }
        requireNothingPending();
        menu = newMenu;
        pendingEvents.add(new RestaurantMenuRevised(UUID.randomUUID(), now, id, nextVersion(), newMenu));
    }

    /** Replaces all opening periods; the same periods in the same order is no change. */
    public void changeOpeningHours(OpeningHours newOpeningHours, Instant now) {
        Objects.requireNonNull(newOpeningHours, "newOpeningHours");
        if (newOpeningHours.equals(openingHours)) {
            return;
        }
        requireNothingPending();
        openingHours = newOpeningHours;
        pendingEvents.add(new RestaurantOpeningHoursChanged(UUID.randomUUID(), now, id, nextVersion(), newOpeningHours));
    }

    public RestaurantId id() {
        return id;
    }

    public RestaurantName name() {
        return name;
    }

    public Optional<Cuisine> cuisine() {
        return cuisine;
    }

    public GeoPoint location() {
        return location;
    }

    public Address address() {
        return address;
    }

    public OpeningHours openingHours() {
        return openingHours;
    }

    public Menu menu() {
        return menu;
    }

    /** The version including the pending change: what the client gets as its consistency token. */
    public long version() {
        return storedVersion + pendingEvents.size();
    }

    /** The version the store holds (0 before the first save): the store's optimistic-lock expectation. */
    public long storedVersion() {
        return storedVersion;
    }

    public List<RestaurantEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    private long nextVersion() {
        return storedVersion + 1;
    }

    private void requireNothingPending() {
        if (!pendingEvents.isEmpty()) {
            throw new IllegalStateException("restaurant " + id + " already has an unsaved change; save it before the next one");
        }
    }
}
