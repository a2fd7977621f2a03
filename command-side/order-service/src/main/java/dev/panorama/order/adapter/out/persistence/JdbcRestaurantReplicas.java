package dev.panorama.order.adapter.out.persistence;

import dev.panorama.order.application.port.in.RestaurantUpdate;
import dev.panorama.order.application.port.out.RestaurantReplicas;
import dev.panorama.order.domain.Menu;
import dev.panorama.order.domain.MenuItem;
import dev.panorama.order.domain.MenuItemId;
import dev.panorama.order.domain.Money;
import dev.panorama.order.domain.RestaurantId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Optional;

/** The {@code restaurant_replica} table and its menu items, written with plain SQL: the version guard is one conditional upsert. */
final class JdbcRestaurantReplicas implements RestaurantReplicas {

    private final JdbcClient jdbc;

    JdbcRestaurantReplicas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Menu> findMenu(RestaurantId restaurantId) {
        Optional<Boolean> menuKnown = jdbc.sql("select menu_known from restaurant_replica where id = :id")
            .param("id", restaurantId.value())
            .query(Boolean.class)
            .optional();
        if (menuKnown.isEmpty() || !menuKnown.get()) {
            return Optional.empty();
        }
        List<MenuItem> items = jdbc.sql("""
                select menu_item_id, name, price_amount, price_currency from restaurant_replica_menu_item
                where restaurant_id = :id order by position""")
            .param("id", restaurantId.value())
            .query((row, number) -> new MenuItem(new MenuItemId(row.getString("menu_item_id")), row.getString("name"),
                new Money(row.getString("price_amount"), row.getString("price_currency"))))
            .list();
        return Optional.of(new Menu(items));
    }

    @Override
    public boolean applyIfNewer(RestaurantUpdate update) {
        // Inserts an unknown restaurant, or updates a known one only when its stored version is older; the row
        // lock taken by the update also orders two concurrent updates of one restaurant.
        int changed = jdbc.sql("""
                insert into restaurant_replica (id, version, name, menu_known, updated_at)
                values (:id, :version, :name, :menuKnown, now())
                on conflict (id) do update set
                    version = excluded.version,
                    name = coalesce(excluded.name, restaurant_replica.name),
                    menu_known = restaurant_replica.menu_known or excluded.menu_known,
                    updated_at = now()
                where restaurant_replica.version < excluded.version""")
            .param("id", update.restaurantId().value())
            .param("version", update.version())
            .param("name", update.name().orElse(null))
            .param("menuKnown", update.menu().isPresent())
            .update();
        if (changed == 0) {
            return false;
        }
        update.menu().ifPresent(menu -> replaceMenu(update.restaurantId(), menu));
        return true;
    }

    /** The whole menu in one statement: the items as arrays, their position their ordinality. */
    private void replaceMenu(RestaurantId restaurantId, Menu menu) {
        jdbc.sql("delete from restaurant_replica_menu_item where restaurant_id = :id").param("id", restaurantId.value()).update();
        if (menu.items().isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into restaurant_replica_menu_item (restaurant_id, position, menu_item_id, name, price_amount, price_currency)
                select :id, item.position - 1, item.menu_item_id, item.name, item.amount, item.currency
                from unnest(cast(:menuItemIds as text[]), cast(:names as text[]), cast(:amounts as text[]), cast(:currencies as text[]))
                    with ordinality as item (menu_item_id, name, amount, currency, position)""")
            .param("id", restaurantId.value())
            .param("menuItemIds", menu.items().stream().map(item -> item.menuItemId().value()).toArray(String[]::new))
            .param("names", menu.items().stream().map(MenuItem::name).toArray(String[]::new))
            .param("amounts", menu.items().stream().map(item -> item.price().amount()).toArray(String[]::new))
            .param("currencies", menu.items().stream().map(item -> item.price().currency()).toArray(String[]::new))
            .update();
    }
}
