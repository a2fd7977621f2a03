package dev.panorama.views.state;

import dev.panorama.views.event.Values.Address;
import dev.panorama.views.event.Values.GeoPoint;
import dev.panorama.views.event.Values.MenuItem;
import dev.panorama.views.event.Values.OpeningPeriod;

import java.util.List;

public record RestaurantState(String id, long version, String name, String cuisine, GeoPoint location, Address address,
                              List<OpeningPeriod> openingHours, List<MenuItem> menu) implements AggregateState {

    public static final String TYPE = "restaurant";

    @Override
    public String aggregateType() {
        return TYPE;
    }
}
