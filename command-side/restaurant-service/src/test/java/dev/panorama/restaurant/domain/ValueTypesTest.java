package dev.panorama.restaurant.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.List;

import static dev.panorama.restaurant.domain.RestaurantFixtures.naan;
import static dev.panorama.restaurant.domain.RestaurantFixtures.vindaloo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {

    @Test
    void aNameIsOneTo200Characters() {
        assertThatThrownBy(() -> new RestaurantName(" ")).isInstanceOf(InvalidValueException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new RestaurantName("n".repeat(201))).isInstanceOf(InvalidValueException.class);
        assertThat(new RestaurantName("n".repeat(200)).value()).hasSize(200);
        assertThatThrownBy(() -> new Cuisine("c".repeat(101))).isInstanceOf(InvalidValueException.class).hasMessageContaining("cuisine");
    }

    @Test
    void aLocationIsWithinTheEarthsRanges() {
        assertThat(new GeoPoint(-90, 180)).isEqualTo(new GeoPoint(-90.0, 180.0));
        assertThatThrownBy(() -> new GeoPoint(90.0001, 0)).isInstanceOf(InvalidValueException.class).hasMessageContaining("lat");
        assertThatThrownBy(() -> new GeoPoint(0, -180.5)).isInstanceOf(InvalidValueException.class).hasMessageContaining("lon");
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void moneyIsATwoDecimalStringWithAnIsoCurrency() {
        assertThat(new Money("0.99", "EUR").amount()).isEqualTo("0.99");
        assertThat(new Money("999999999.99", "USD").amount()).isEqualTo("999999999.99");
        for (String amount : new String[] {"12", "12.3", "12.345", "-1.00", "01.00", "1,00", "1e3", "1000000000.00", " 1.00"}) {
            assertThatThrownBy(() -> new Money(amount, "USD")).as(amount).isInstanceOf(InvalidValueException.class);
        }
        for (String currency : new String[] {"usd", "US", "USDX", "XYZ", "QQQ"}) {
            assertThatThrownBy(() -> new Money("1.00", currency)).as(currency).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void aMenuItemIdIsShortAndPlain() {
        assertThat(new MenuItemId("a.B_9-z").value()).isEqualTo("a.B_9-z");
        assertThatThrownBy(() -> new MenuItemId("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MenuItemId("with space")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MenuItemId("x".repeat(65))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aMenuHasOneTo500ItemsWithDistinctIds() {
        assertThatThrownBy(() -> new Menu(List.of())).isInstanceOf(InvalidValueException.class).hasMessageContaining("at least one");
        MenuItem sameIdOtherDish = new MenuItem(vindaloo().menuItemId(), "Lamb Vindaloo", new Money("14.00", "USD"));
        assertThatThrownBy(() -> new Menu(List.of(vindaloo(), naan(), sameIdOtherDish))).isInstanceOf(InvalidValueException.class)
            .hasMessageContaining("chicken-vindaloo");
        assertThatThrownBy(() -> new Menu(Collections.nCopies(501, vindaloo()))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MenuItem(new MenuItemId("x"), "", new Money("1.00", "USD"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anOpeningPeriodIsHoursAndMinutesClosingAtLatestAt2400() {
        assertThat(new OpeningPeriod(DayOfWeek.SUNDAY, "00:00", "24:00").closes()).isEqualTo("24:00");
        assertThat(new OpeningPeriod(DayOfWeek.SATURDAY, "18:00", "02:00").closes()).as("ends the next day").isEqualTo("02:00");
        assertThatThrownBy(() -> new OpeningPeriod(DayOfWeek.MONDAY, "24:00", "23:00")).hasMessageContaining("opens");
        assertThatThrownBy(() -> new OpeningPeriod(DayOfWeek.MONDAY, "9:00", "17:00")).hasMessageContaining("opens");
        assertThatThrownBy(() -> new OpeningPeriod(DayOfWeek.MONDAY, "09:00", "24:01")).hasMessageContaining("closes");
        assertThatThrownBy(() -> new OpeningPeriod(DayOfWeek.MONDAY, "09:00", "17:60")).hasMessageContaining("closes");
        assertThatThrownBy(() -> new OpeningPeriod(DayOfWeek.MONDAY, "09:00", "09:00")).hasMessageContaining("same time");
    }

    @Test
    void openingHoursAreAtMost28DistinctPeriodsAndMayBeNone() {
        OpeningPeriod monday = new OpeningPeriod(DayOfWeek.MONDAY, "11:00", "14:00");
        assertThat(new OpeningHours(List.of()).periods()).isEmpty();
        assertThatThrownBy(() -> new OpeningHours(List.of(monday, monday))).isInstanceOf(InvalidValueException.class);
        List<OpeningPeriod> many = java.util.stream.IntStream.range(0, 29)
            .mapToObj(i -> new OpeningPeriod(DayOfWeek.of(i % 7 + 1), "%02d:00".formatted(i / 7), "%02d:30".formatted(i / 7)))
            .toList();
        assertThatThrownBy(() -> new OpeningHours(many)).isInstanceOf(InvalidValueException.class).hasMessageContaining("28");
    }

    @Test
    void anAddressNeedsAnIsoCountryCodeAndTakesABlankSecondLineAsNone() {
        assertThatThrownBy(() -> new Address("1 Main Street", null, "Oakland", "94612", "us")).isInstanceOf(InvalidValueException.class);
        assertThat(new Address("1 Main Street", "  ", "Oakland", "94612", "US"))
            .isEqualTo(new Address("1 Main Street", null, "Oakland", "94612", "US"));
    }
}
