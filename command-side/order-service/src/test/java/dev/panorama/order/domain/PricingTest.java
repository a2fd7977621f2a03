package dev.panorama.order.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static dev.panorama.order.domain.OrderFixtures.LASSI;
import static dev.panorama.order.domain.OrderFixtures.NAAN;
import static dev.panorama.order.domain.OrderFixtures.VINDALOO;
import static dev.panorama.order.domain.OrderFixtures.ajantaMenu;
import static dev.panorama.order.domain.OrderFixtures.ordered;
import static dev.panorama.order.domain.OrderFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lines are priced from the menu: names and unit prices copied, totals exact, one currency. */
class PricingTest {

    @Test
    void copiesEachItemsNameAndPriceFromTheMenuInTheOrderAskedFor() {
        LineItems lines = ajantaMenu().price(ordered(NAAN, 1, VINDALOO, 2));

        assertThat(lines.items()).containsExactly(
            new LineItem(NAAN, "Garlic Naan", 1, usd("3.50")),
            new LineItem(VINDALOO, "Chicken Vindaloo", 2, usd("12.34")));
        assertThat(lines.total()).isEqualTo(usd("28.18"));
    }

    @Test
    void totalsWithExactDecimalArithmetic() {
        // 0.10 + 0.20 is 0.30000000000000004 in binary floating point.
        Menu cents = new Menu(List.of(new MenuItem(new MenuItemId("a"), "A", usd("0.10")), new MenuItem(new MenuItemId("b"), "B", usd("0.20")),
            new MenuItem(new MenuItemId("c"), "C", usd("0.01"))));

        assertThat(cents.price(ordered(new MenuItemId("a"), 1, new MenuItemId("b"), 1)).total()).isEqualTo(usd("0.30"));
        assertThat(cents.price(ordered(new MenuItemId("a"), 3)).total()).isEqualTo(usd("0.30"));
        assertThat(cents.price(ordered(new MenuItemId("c"), 100)).total()).isEqualTo(usd("1.00"));
    }

    @Test
    void aFreeItemTotalsZeroWithTwoFractionDigits() {
        Menu free = new Menu(List.of(new MenuItem(new MenuItemId("water"), "Water", usd("0.00"))));

        assertThat(free.price(ordered(new MenuItemId("water"), 5)).total()).isEqualTo(usd("0.00"));
    }

    @Test
    void refusesAnItemNotOnTheMenu() {
        assertThatThrownBy(() -> ajantaMenu().price(ordered(VINDALOO, 1, new MenuItemId("pizza"), 1)))
            .isInstanceOf(OrderRuleException.class).hasMessageContaining("pizza");
        assertThatThrownBy(() -> new Menu(List.of()).price(ordered(VINDALOO, 1))).isInstanceOf(OrderRuleException.class);
    }

    @Test
    void refusesToMixCurrenciesInOneOrder() {
        Menu mixed = new Menu(List.of(new MenuItem(VINDALOO, "Chicken Vindaloo", usd("12.34")),
            new MenuItem(LASSI, "Mango Lassi", new Money("4.25", "EUR"))));

        assertThatThrownBy(() -> mixed.price(ordered(VINDALOO, 1, LASSI, 1)))
            .isInstanceOf(OrderRuleException.class).hasMessageContaining("one currency").hasMessageContaining("EUR");
        assertThat(mixed.price(ordered(LASSI, 2)).total()).as("one currency, even if not the menu's first")
            .isEqualTo(new Money("8.50", "EUR"));
    }

    @Test
    void refusesATotalTheContractCannotCarry() {
        Menu dear = new Menu(List.of(new MenuItem(new MenuItemId("gold"), "Gold", usd("999999999.99")),
            new MenuItem(new MenuItemId("silver"), "Silver", usd("10000000.00"))));

        assertThat(dear.price(ordered(new MenuItemId("silver"), 99)).total()).isEqualTo(usd("990000000.00"));
        assertThatThrownBy(() -> dear.price(ordered(new MenuItemId("silver"), 100))).isInstanceOf(OrderRuleException.class)
            .hasMessageContaining("1000000000.00");
        assertThatThrownBy(() -> dear.price(ordered(new MenuItemId("gold"), 2))).isInstanceOf(OrderRuleException.class);
    }

    @Test
    void theLargestOrderIsAHundredLines() {
        Menu menu = new Menu(IntStream.range(0, 500).mapToObj(i -> new MenuItem(new MenuItemId("item." + i), "n".repeat(200), usd("1.05")))
            .toList());
        Object[] pairs = IntStream.range(0, 100).boxed().flatMap(i -> java.util.stream.Stream.of(new MenuItemId("item." + i), 100)).toArray();

        LineItems lines = menu.price(ordered(pairs));

        assertThat(lines.items()).hasSize(100);
        assertThat(lines.total()).isEqualTo(usd("10500.00"));
        assertThat(lines.total().value()).isEqualByComparingTo(new BigDecimal("10500"));
    }
}
