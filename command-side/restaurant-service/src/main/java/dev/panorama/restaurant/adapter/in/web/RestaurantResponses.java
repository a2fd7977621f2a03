package dev.panorama.restaurant.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.panorama.restaurant.application.port.in.GetRestaurantQuery.RestaurantSnapshot;
import dev.panorama.restaurant.application.port.in.RestaurantVersion;
import dev.panorama.restaurant.domain.Address;
import dev.panorama.restaurant.domain.Cuisine;

import java.util.List;
import java.util.UUID;

final class RestaurantResponses {

    private RestaurantResponses() {
    }

    /** The answer to every successful command; {@code version} is the consistency token. */
    record CommandResponse(UUID restaurantId, long version) {

        static CommandResponse of(RestaurantVersion result) {
            return new CommandResponse(result.restaurantId().value(), result.version());
        }
    }

    /** The restaurant in the shape the events give it; an absent cuisine or second street line is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RestaurantResponse(UUID restaurantId, long version, String name, String cuisine, LocationResponse location,
                              AddressResponse address, List<OpeningPeriodResponse> openingHours, MenuResponse menu) {

        static RestaurantResponse of(RestaurantSnapshot restaurant) {
            Address address = restaurant.address();
            return new RestaurantResponse(restaurant.restaurantId().value(), restaurant.version(), restaurant.name().value(),
                restaurant.cuisine().map(Cuisine::value).orElse(null),
                new LocationResponse(restaurant.location().lat(), restaurant.location().lon()),
                new AddressResponse(address.street1(), address.street2(), address.city(), address.postalCode(), address.country()),
                restaurant.openingHours().periods().stream()
                    .map(period -> new OpeningPeriodResponse(period.dayOfWeek().name(), period.opens(), period.closes()))
                    .toList(),
                new MenuResponse(restaurant.menu().items().stream()
                    .map(item -> new MenuItemResponse(item.menuItemId().value(), item.name(),
                        new MoneyResponse(item.price().amount(), item.price().currency())))
                    .toList()));
        }
    }

    record LocationResponse(double lat, double lon) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AddressResponse(String street1, String street2, String city, String postalCode, String country) {
    }

    record OpeningPeriodResponse(String dayOfWeek, String opens, String closes) {
    }

    record MenuResponse(List<MenuItemResponse> items) {
    }

    record MenuItemResponse(String menuItemId, String name, MoneyResponse price) {
    }

    record MoneyResponse(String amount, String currency) {
    }
}
