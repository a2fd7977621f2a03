package dev.panorama.restaurant.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Values for tests: the golden examples' restaurant. */
public final class RestaurantFixtures {

    public static final RestaurantId AJANTA = new RestaurantId(UUID.fromString("8d2b7c41-6e5f-4a3b-b1c2-7d8e9f0a1b22"));
    public static final Instant NOW = Instant.parse("2026-11-01T08:00:00Z");

    private RestaurantFixtures() {
    }

    public static RestaurantName ajanta() {
        return new RestaurantName("Ajanta");
    }

    public static Optional<Cuisine> indian() {
        return Optional.of(new Cuisine("Indian"));
    }

    public static GeoPoint berkeley() {
        return new GeoPoint(37.8044, -122.2712);
    }

    public static Address solanoAvenue() {
        return new Address("1888 Solano Avenue", null, "Berkeley", "94707", "US");
    }

    public static OpeningHours weekdays() {
        return new OpeningHours(List.of(
            new OpeningPeriod(DayOfWeek.MONDAY, "11:00", "23:00"),
            new OpeningPeriod(DayOfWeek.TUESDAY, "11:00", "23:00"),
            new OpeningPeriod(DayOfWeek.SATURDAY, "18:00", "02:00")));
    }

    public static OpeningHours mondaysOnly() {
        return new OpeningHours(List.of(new OpeningPeriod(DayOfWeek.MONDAY, "00:00", "24:00")));
    }

    public static MenuItem vindaloo() {
        return new MenuItem(new MenuItemId("chicken-vindaloo"), "Chicken Vindaloo", new Money("12.34", "USD"));
    }

    public static MenuItem naan() {
        return new MenuItem(new MenuItemId("garlic-naan"), "Garlic Naan", new Money("3.50", "USD"));
    }

    public static Menu menu() {
        return new Menu(List.of(vindaloo(), naan()));
    }

    public static Menu menuWithLassi() {
        return new Menu(List.of(vindaloo(), naan(), new MenuItem(new MenuItemId("mango-lassi"), "Mango Lassi", new Money("4.25", "USD"))));
    }

    /** Ajanta as stored at {@code version}, nothing pending. */
    public static Restaurant storedAjanta(long version) {
        return Restaurant.restore(AJANTA, ajanta(), indian(), berkeley(), solanoAvenue(), weekdays(), menu(), version);
    }
}
