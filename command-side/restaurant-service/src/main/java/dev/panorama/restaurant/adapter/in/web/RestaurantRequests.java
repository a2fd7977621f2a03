package dev.panorama.restaurant.adapter.in.web;

import dev.panorama.restaurant.domain.Address;
import dev.panorama.restaurant.domain.Cuisine;
import dev.panorama.restaurant.domain.GeoPoint;
import dev.panorama.restaurant.domain.Menu;
import dev.panorama.restaurant.domain.MenuItem;
import dev.panorama.restaurant.domain.MenuItemId;
import dev.panorama.restaurant.domain.Money;
import dev.panorama.restaurant.domain.OpeningHours;
import dev.panorama.restaurant.domain.OpeningPeriod;
import dev.panorama.restaurant.domain.RestaurantName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;

/**
 * The request bodies, validated with Bean Validation so that a client sees every field error at once; the
 * rules that span fields (distinct menu item ids, a known ISO 4217 currency) are the value types' own.
 */
final class RestaurantRequests {

    static final String OPENS = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String CLOSES = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00";
    static final String MENU_ITEM_ID = "[A-Za-z0-9._-]{1,64}";
    static final String AMOUNT = "(0|[1-9][0-9]{0,8})\\.[0-9]{2}";

    private RestaurantRequests() {
    }

    record CreateRestaurantRequest(@NotBlank @Size(max = 200) String name,
                                   @Size(max = 100) String cuisine,
                                   @NotNull @Valid LocationBody location,
                                   @NotNull @Valid AddressBody address,
                                   @NotNull @Size(max = 28) List<@NotNull @Valid OpeningPeriodBody> openingHours,
                                   @NotNull @Valid MenuBody menu) {

        /** A blank cuisine is no cuisine. */
        Optional<Cuisine> toCuisine() {
            return cuisine == null || cuisine.isBlank() ? Optional.empty() : Optional.of(new Cuisine(cuisine));
        }

        OpeningHours toOpeningHours() {
            return OpeningHoursBody.toOpeningHours(openingHours);
        }
    }

    record NameBody(@NotBlank @Size(max = 200) String name) {

        RestaurantName toName() {
            return new RestaurantName(name);
        }
    }

    record LocationBody(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {

        GeoPoint toGeoPoint() {
            return new GeoPoint(lat, lon);
        }
    }

    record AddressBody(@NotBlank @Size(max = 200) String street1,
                       @Size(max = 200) String street2,
                       @NotBlank @Size(max = 100) String city,
                       @NotBlank @Size(max = 20) String postalCode,
                       @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US") String country) {

        Address toAddress() {
            return new Address(street1, street2, city, postalCode, country);
        }
    }

    record OpeningHoursBody(@NotNull @Size(max = 28) List<@NotNull @Valid OpeningPeriodBody> openingHours) {

        OpeningHours toOpeningHours() {
            return toOpeningHours(openingHours);
        }

        static OpeningHours toOpeningHours(List<OpeningPeriodBody> periods) {
            return new OpeningHours(periods.stream().map(OpeningPeriodBody::toOpeningPeriod).toList());
        }
    }

    record OpeningPeriodBody(@NotNull DayOfWeek dayOfWeek,
                             @NotNull @Pattern(regexp = OPENS, message = "must be a time HH:mm from 00:00 to 23:59") String opens,
                             @NotNull @Pattern(regexp = CLOSES, message = "must be a time HH:mm from 00:00 to 23:59, or 24:00") String closes) {

        OpeningPeriod toOpeningPeriod() {
            return new OpeningPeriod(dayOfWeek, opens, closes);
        }
    }

    record MenuBody(@NotNull @Size(min = 1, max = 500) List<@NotNull @Valid MenuItemBody> items) {

        Menu toMenu() {
            return new Menu(items.stream().map(MenuItemBody::toMenuItem).toList());
        }
    }

    record MenuItemBody(@NotNull @Pattern(regexp = MENU_ITEM_ID, message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String menuItemId,
                        @NotBlank @Size(max = 200) String name,
                        @NotNull @Valid MoneyBody price) {

        MenuItem toMenuItem() {
            return new MenuItem(new MenuItemId(menuItemId), name, price.toMoney());
        }
    }

    record MoneyBody(@NotNull @Pattern(regexp = AMOUNT, message = "must be a decimal string with two fraction digits such as \"12.34\"") String amount,
                     @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency) {

        Money toMoney() {
            return new Money(amount, currency);
        }
    }
}
