package dev.panorama.order.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static dev.panorama.order.domain.OrderFixtures.NAAN;
import static dev.panorama.order.domain.OrderFixtures.VINDALOO;
import static dev.panorama.order.domain.OrderFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {

    @Test
    void moneyIsATwoDecimalStringInAKnownCurrency() {
        assertThat(new Money("0.50", "USD").value()).isEqualByComparingTo("0.5");
        for (String amount : new String[] {"12.3", "12.345", "012.34", "-1.00", "1000000000.00", "12,34", ""}) {
            assertThatThrownBy(() -> new Money(amount, "USD")).as(amount).isInstanceOf(InvalidValueException.class);
        }
        assertThatThrownBy(() -> new Money("1.00", "usd")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Money("1.00", "XYZ")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void moneyOfADecimalKeepsTwoFractionDigitsAndRefusesWhatItCannotCarry() {
        assertThat(Money.of(new BigDecimal("3"), "USD")).isEqualTo(usd("3.00"));
        assertThat(Money.of(new BigDecimal("3.500"), "USD")).isEqualTo(usd("3.50"));
        assertThatThrownBy(() -> Money.of(new BigDecimal("3.505"), "USD")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.of(new BigDecimal("-1"), "USD")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.of(Money.LIMIT, "USD")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void orderedItemsAreOneToAHundredDistinctItemsOfOneToAHundredEach() {
        assertThatThrownBy(() -> new OrderedItem(VINDALOO, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new OrderedItem(VINDALOO, 101)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new OrderedItems(List.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new OrderedItems(IntStream.range(0, 101).mapToObj(i -> new OrderedItem(new MenuItemId("i" + i), 1)).toList()))
            .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new OrderedItems(List.of(new OrderedItem(NAAN, 1), new OrderedItem(NAAN, 2))))
            .isInstanceOf(InvalidValueException.class).hasMessageContaining("garlic-naan");
    }

    @Test
    void menusHaveDistinctItemsAndAtMostFiveHundred() {
        MenuItem naan = new MenuItem(NAAN, "Garlic Naan", usd("3.50"));
        assertThat(new Menu(List.of()).items()).isEmpty();
        assertThatThrownBy(() -> new Menu(List.of(naan, naan))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Menu(Collections.nCopies(501, naan))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MenuItem(NAAN, "", usd("1.00"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MenuItem(NAAN, "n".repeat(201), usd("1.00"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void idsReasonsAndAddressesCheckThemselves() {
        assertThatThrownBy(() -> new MenuItemId("a b")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MenuItemId("x".repeat(65))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Reason(" ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Reason("r".repeat(501))).isInstanceOf(InvalidValueException.class);
        assertThat(new Reason("r".repeat(500)).value()).hasSize(500);
        assertThat(new Address("1 Main Street", " ", "Oakland", "94612", "US").street2()).as("blank is absent").isNull();
        assertThatThrownBy(() -> new Address("1 Main Street", null, "Oakland", "94612", "us")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new LineItems(List.of(new LineItem(VINDALOO, "V", 1, usd("1.00")), new LineItem(VINDALOO, "V", 2, usd("1.00")))))
            .isInstanceOf(InvalidValueException.class);
    }
}
