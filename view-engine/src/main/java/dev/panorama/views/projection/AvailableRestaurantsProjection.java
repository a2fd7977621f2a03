package dev.panorama.views.projection;

import dev.panorama.views.event.SourceKey;
import dev.panorama.views.event.Values.Address;
import dev.panorama.views.event.Values.GeoPoint;
import dev.panorama.views.event.Values.OpeningPeriod;
import dev.panorama.views.projection.DocumentValues.Amount;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.RestaurantState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code available-restaurants} (Elasticsearch): restaurants with a {@code geo_point} location, their
 * menu for keyword search, and their opening hours as minute ranges per day so that "open at Saturday
 * 23:30" is a plain range query (a period past midnight is split in two).
 */
public final class AvailableRestaurantsProjection implements ViewProjection<AvailableRestaurantsProjection.Document> {

    public static final String VIEW = "available-restaurants";
    private static final int END_OF_DAY = 24 * 60;

    public record MenuEntry(String menuItemId, String name, Amount price) {
    }

    public record Hours(String dayOfWeek, String opens, String closes) {
    }

    /** Open from {@code fromMinute} (inclusive) to {@code toMinute} (exclusive) of {@code dayOfWeek}. */
    public record OpenPeriod(String dayOfWeek, int fromMinute, int toMinute) {
    }

    public record Document(String restaurantId, String name, String cuisine, GeoPoint location, Address address, List<Hours> openingHours,
                           List<OpenPeriod> openPeriods, List<MenuEntry> menu, Map<String, Long> sourceVersions) implements ViewDocument {

        @Override
        public String id() {
            return restaurantId;
        }
    }

    @Override
    public String view() {
        return VIEW;
    }

    @Override
    public Set<String> sourceTypes() {
        return Set.of(RestaurantState.TYPE);
    }

    @Override
    public Set<String> affectedDocuments(AggregateState changed, States states) {
        return changed instanceof RestaurantState restaurant ? Set.of(restaurant.id()) : Set.of();
    }

    /** One document per restaurant known. */
    @Override
    public Set<String> documentIds(InMemoryStates states) {
        return states.ids(RestaurantState.TYPE);
    }

    /** A document stands for one restaurant. */
    @Override
    public Optional<SourceKey> root(String documentId) {
        return Optional.of(new SourceKey(RestaurantState.TYPE, documentId));
    }

    @Override
    public Optional<Document> render(String restaurantId, States states) {
        return states.restaurant(restaurantId).map(r -> new Document(r.id(), r.name(), r.cuisine(), r.location(), r.address(),
            r.openingHours().stream().map(p -> new Hours(p.dayOfWeek().name(), p.opens(), p.closes())).toList(),
            openPeriods(r.openingHours()),
            r.menu().stream().map(item -> new MenuEntry(item.menuItemId(), item.name(), Amount.of(item.price()))).toList(),
            new SourceVersions().read(r).toMap()));
    }

    static List<OpenPeriod> openPeriods(List<OpeningPeriod> hours) {
        List<OpenPeriod> periods = new ArrayList<>();
        for (OpeningPeriod period : hours) {
            if (period.endsNextDay()) {
                periods.add(new OpenPeriod(period.dayOfWeek().name(), period.opensMinute(), END_OF_DAY));
                if (period.closesMinute() > 0) {
                    periods.add(new OpenPeriod(period.dayOfWeek().plus(1).name(), 0, period.closesMinute()));
                }
            } else {
                periods.add(new OpenPeriod(period.dayOfWeek().name(), period.opensMinute(),
                    period.closes().equals("24:00") ? END_OF_DAY : period.closesMinute()));
            }
        }
        return List.copyOf(periods);
    }
}
