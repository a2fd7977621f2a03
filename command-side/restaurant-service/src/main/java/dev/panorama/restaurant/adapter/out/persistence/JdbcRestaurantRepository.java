package dev.panorama.restaurant.adapter.out.persistence;

import dev.panorama.restaurant.adapter.out.persistence.RestaurantRow.MenuItemRow;
import dev.panorama.restaurant.adapter.out.persistence.RestaurantRow.OpeningPeriodRow;
import dev.panorama.restaurant.application.port.out.RestaurantRepository;
import dev.panorama.restaurant.domain.Address;
import dev.panorama.restaurant.domain.Cuisine;
import dev.panorama.restaurant.domain.GeoPoint;
import dev.panorama.restaurant.domain.Menu;
import dev.panorama.restaurant.domain.MenuItem;
import dev.panorama.restaurant.domain.MenuItemId;
import dev.panorama.restaurant.domain.Money;
import dev.panorama.restaurant.domain.OpeningHours;
import dev.panorama.restaurant.domain.OpeningPeriod;
import dev.panorama.restaurant.domain.Restaurant;
import dev.panorama.restaurant.domain.RestaurantId;
import dev.panorama.restaurant.domain.RestaurantName;

import java.time.DayOfWeek;
import java.util.Optional;

/** The aggregate through Spring Data JDBC; the {@code @Version} column is the aggregate's version. */
final class JdbcRestaurantRepository implements RestaurantRepository {

    private final RestaurantRowRepository rows;

    JdbcRestaurantRepository(RestaurantRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Restaurant> findById(RestaurantId restaurantId) {
        return rows.findById(restaurantId.value()).map(JdbcRestaurantRepository::toRestaurant);
    }

    @Override
    public long save(Restaurant restaurant) {
        return rows.save(toRow(restaurant)).version();
    }

    private static Restaurant toRestaurant(RestaurantRow row) {
        OpeningHours openingHours = new OpeningHours(row.openingHours().stream()
            .map(period -> new OpeningPeriod(DayOfWeek.valueOf(period.dayOfWeek()), period.opens(), period.closes()))
            .toList());
        Menu menu = new Menu(row.menuItems().stream()
            .map(item -> new MenuItem(new MenuItemId(item.menuItemId()), item.name(), new Money(item.priceAmount(), item.priceCurrency())))
            .toList());
        return Restaurant.restore(new RestaurantId(row.id()), new RestaurantName(row.name()), Optional.ofNullable(row.cuisine()).map(Cuisine::new),
            new GeoPoint(row.lat(), row.lon()), new Address(row.street1(), row.street2(), row.city(), row.postalCode(), row.country()),
            openingHours, menu, row.version());
    }

    /** Carries the stored version: 0 makes an insert, anything else an update guarded by that version. */
    private static RestaurantRow toRow(Restaurant restaurant) {
        Address address = restaurant.address();
        return new RestaurantRow(restaurant.id().value(), restaurant.name().value(), restaurant.cuisine().map(Cuisine::value).orElse(null),
            restaurant.location().lat(), restaurant.location().lon(),
            address.street1(), address.street2(), address.city(), address.postalCode(), address.country(),
            restaurant.openingHours().periods().stream()
                .map(period -> new OpeningPeriodRow(period.dayOfWeek().name(), period.opens(), period.closes()))
                .toList(),
            restaurant.menu().items().stream()
                .map(item -> new MenuItemRow(item.menuItemId().value(), item.name(), item.price().amount(), item.price().currency()))
                .toList(),
            restaurant.storedVersion());
    }
}
