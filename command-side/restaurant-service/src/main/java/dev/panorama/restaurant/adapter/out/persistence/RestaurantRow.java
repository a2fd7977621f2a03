package dev.panorama.restaurant.adapter.out.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.util.List;
import java.util.UUID;

/**
 * The {@code restaurant} table with its {@code opening_period} and {@code menu_item} children: the persistent
 * form of the aggregate. Spring Data JDBC replaces the children on every update of the row.
 *
 * @param version a primitive on purpose: Spring Data JDBC treats 0 as "new" and inserts it as 1, then adds
 *     one per update, which is exactly the aggregate's version (1 at creation, no gaps)
 */
@Table("restaurant")
record RestaurantRow(
    @Id UUID id,
    String name,
    String cuisine,
    double lat,
    double lon,
    String street1,
    String street2,
    String city,
    String postalCode,
    String country,
    @MappedCollection(idColumn = "restaurant_id", keyColumn = "position") List<OpeningPeriodRow> openingHours,
    @MappedCollection(idColumn = "restaurant_id", keyColumn = "position") List<MenuItemRow> menuItems,
    @Version long version
) {

    RestaurantRow withVersion(long newVersion) {
        return new RestaurantRow(id, name, cuisine, lat, lon, street1, street2, city, postalCode, country, openingHours, menuItems, newVersion);
    }

    /** One row of {@code opening_period}; its key is the restaurant and the position in the list. */
    @Table("opening_period")
    record OpeningPeriodRow(String dayOfWeek, String opens, String closes) {
    }

    /** One row of {@code menu_item}; its key is the restaurant and the position in the menu. */
    @Table("menu_item")
    record MenuItemRow(String menuItemId, String name, String priceAmount, String priceCurrency) {
    }
}
