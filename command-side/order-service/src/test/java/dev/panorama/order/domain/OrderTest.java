package dev.panorama.order.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.function.Consumer;

import static dev.panorama.order.domain.OrderFixtures.CONSUMER;
import static dev.panorama.order.domain.OrderFixtures.DELIVER_AT;
import static dev.panorama.order.domain.OrderFixtures.LASSI;
import static dev.panorama.order.domain.OrderFixtures.NAAN;
import static dev.panorama.order.domain.OrderFixtures.NOW;
import static dev.panorama.order.domain.OrderFixtures.ORDER;
import static dev.panorama.order.domain.OrderFixtures.RESTAURANT;
import static dev.panorama.order.domain.OrderFixtures.VINDALOO;
import static dev.panorama.order.domain.OrderFixtures.ajantaMenu;
import static dev.panorama.order.domain.OrderFixtures.goldenLines;
import static dev.panorama.order.domain.OrderFixtures.mainStreet;
import static dev.panorama.order.domain.OrderFixtures.order;
import static dev.panorama.order.domain.OrderFixtures.ordered;
import static dev.panorama.order.domain.OrderFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    private static final Instant LATER = Instant.parse("2026-11-08T19:02:00.123456789Z");
    private static final Reason CLOSED = new Reason("The restaurant is closed.");

    @Test
    void creationIsVersionOneApprovalPendingWithItsEventPending() {
        Order order = Order.create(ORDER, CONSUMER, RESTAURANT, goldenLines(), mainStreet(), DELIVER_AT, NOW);

        assertThat(order.version()).isEqualTo(1);
        assertThat(order.storedVersion()).as("nothing stored yet").isZero();
        assertThat(order.status()).isEqualTo(OrderStatus.APPROVAL_PENDING);
        assertThat(order.reason()).isEmpty();
        assertThat(order.orderTotal()).isEqualTo(usd("28.18"));
        assertThat(order.pendingEvents()).singleElement().isInstanceOfSatisfying(OrderCreated.class, event -> {
            assertThat(event.orderId()).isEqualTo(ORDER);
            assertThat(event.orderVersion()).isEqualTo(1);
            assertThat(event.occurredAt()).isEqualTo(NOW);
            assertThat(event.consumerId()).isEqualTo(CONSUMER);
            assertThat(event.restaurantId()).isEqualTo(RESTAURANT);
            assertThat(event.lineItems()).isEqualTo(goldenLines());
            assertThat(event.orderTotal()).isEqualTo(usd("28.18"));
            assertThat(event.deliveryAddress()).isEqualTo(mainStreet());
            assertThat(event.deliverAt()).isEqualTo(DELIVER_AT);
            assertThat(event.eventId()).isNotNull();
        });
    }

    @Test
    void keepsTimesToTheMicrosecondAsTheStoreDoes() {
        Order order = Order.create(ORDER, CONSUMER, RESTAURANT, goldenLines(), mainStreet(), DELIVER_AT.plusNanos(1_500), LATER);

        assertThat(order.deliverAt()).isEqualTo(DELIVER_AT.plusNanos(1_000));
        assertThat(order.pendingEvents().getFirst().occurredAt()).isEqualTo(Instant.parse("2026-11-08T19:02:00.123456Z"));
    }

    @Test
    void createdAtAndUpdatedAtAreTheOccurredAtOfTheFirstAndOfTheLatestEvent() {
        Order order = Order.create(ORDER, CONSUMER, RESTAURANT, goldenLines(), mainStreet(), DELIVER_AT, LATER);
        Instant created = order.pendingEvents().getFirst().occurredAt();

        assertThat(order.createdAt()).isEqualTo(created).isEqualTo(Instant.parse("2026-11-08T19:02:00.123456Z"));
        assertThat(order.updatedAt()).isEqualTo(created);

        Order stored = order(OrderStatus.APPROVAL_PENDING, 1);
        stored.revise(goldenLines(), LATER.plusSeconds(60));
        assertThat(stored.updatedAt()).as("the same lines: no event, no change").isEqualTo(NOW);
        stored.approve(LATER.plusSeconds(60));
        assertThat(stored.updatedAt()).isEqualTo(stored.pendingEvents().getFirst().occurredAt()).isEqualTo(Instant.parse("2026-11-08T19:03:00.123456Z"));
        assertThat(stored.createdAt()).isEqualTo(NOW);
    }

    @Test
    void approvalMovesAPendingOrderToApprovedWithOneVersion() {
        Order order = order(OrderStatus.APPROVAL_PENDING, 1);

        order.approve(LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.version()).isEqualTo(2);
        assertThat(order.pendingEvents()).singleElement().isInstanceOfSatisfying(OrderApproved.class, event -> {
            assertThat(event.orderVersion()).isEqualTo(2);
            assertThat(event.orderId()).isEqualTo(ORDER);
        });
    }

    @Test
    void rejectionMovesAPendingOrderToRejectedWithItsReason() {
        Order order = order(OrderStatus.APPROVAL_PENDING, 3);

        order.reject(CLOSED, LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.reason()).contains(CLOSED);
        assertThat(order.pendingEvents()).singleElement().isInstanceOfSatisfying(OrderRejected.class, event -> {
            assertThat(event.orderVersion()).isEqualTo(4);
            assertThat(event.reason()).isEqualTo(CLOSED);
        });
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"APPROVAL_PENDING", "APPROVED"})
    void cancellationIsAllowedWhilePendingOrApproved(OrderStatus from) {
        Order order = order(from, 2);

        order.cancel(new Reason("Ordered by mistake."), LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.reason()).contains(new Reason("Ordered by mistake."));
        assertThat(order.pendingEvents()).singleElement().isInstanceOfSatisfying(OrderCancelled.class,
            event -> assertThat(event.orderVersion()).isEqualTo(3));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"APPROVAL_PENDING", "APPROVED"})
    void revisionReplacesTheLinesAndKeepsTheStatus(OrderStatus from) {
        Order order = order(from, 2);
        LineItems revised = ajantaMenu().price(ordered(VINDALOO, 2));

        order.revise(revised, LATER);

        assertThat(order.status()).isEqualTo(from);
        assertThat(order.lineItems()).isEqualTo(revised);
        assertThat(order.orderTotal()).isEqualTo(usd("24.68"));
        assertThat(order.pendingEvents()).singleElement().isInstanceOfSatisfying(OrderRevised.class, event -> {
            assertThat(event.orderVersion()).isEqualTo(3);
            assertThat(event.lineItems()).isEqualTo(revised);
            assertThat(event.orderTotal()).isEqualTo(usd("24.68"));
        });
    }

    @Test
    void revisingToTheSameLinesIsNoChange() {
        Order order = order(OrderStatus.APPROVED, 2);

        order.revise(ajantaMenu().price(ordered(VINDALOO, 2, NAAN, 1)), LATER);

        assertThat(order.version()).isEqualTo(2);
        assertThat(order.pendingEvents()).isEmpty();
    }

    @Test
    void theSameItemsAtNewPricesAreARevision() {
        Order order = order(OrderStatus.APPROVAL_PENDING, 1);
        Menu dearer = new Menu(ajantaMenu().items().stream()
            .map(item -> item.menuItemId().equals(NAAN) ? new MenuItem(NAAN, "Garlic Naan", usd("3.90")) : item).toList());

        order.revise(dearer.price(ordered(VINDALOO, 2, NAAN, 1)), LATER);

        assertThat(order.orderTotal()).isEqualTo(usd("28.58"));
        assertThat(order.pendingEvents()).singleElement().isInstanceOf(OrderRevised.class);
    }

    @Test
    void theSameItemsInAnotherOrderAreARevision() {
        Order order = order(OrderStatus.APPROVAL_PENDING, 1);

        order.revise(ajantaMenu().price(ordered(NAAN, 1, VINDALOO, 2)), LATER);

        assertThat(order.version()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"APPROVED", "REJECTED", "CANCELLED"})
    void onlyAPendingOrderCanBeApprovedOrRejected(OrderStatus from) {
        assertRefused(from, order -> order.approve(LATER));
        assertRefused(from, order -> order.reject(CLOSED, LATER));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"REJECTED", "CANCELLED"})
    void aRejectedOrCancelledOrderIsFinal(OrderStatus from) {
        assertRefused(from, order -> order.cancel(CLOSED, LATER));
        assertRefused(from, order -> order.revise(ajantaMenu().price(ordered(LASSI, 1)), LATER));
        assertRefused(from, order -> order.revise(goldenLines(), LATER));
        assertThat(from.isFinal()).isTrue();
    }

    @Test
    void allowsOneChangePerUnitOfWork() {
        Order order = order(OrderStatus.APPROVAL_PENDING, 1);
        order.revise(ajantaMenu().price(ordered(LASSI, 3)), LATER);

        assertThatIllegalStateException().isThrownBy(() -> order.approve(LATER)).withMessageContaining("unsaved change");
        assertThat(order.version()).isEqualTo(2);
    }

    @Test
    void restoreRefusesInconsistentRows() {
        assertThatIllegalArgumentException().isThrownBy(() -> Order.restore(ORDER, CONSUMER, RESTAURANT, goldenLines(), mainStreet(),
            DELIVER_AT, OrderStatus.APPROVAL_PENDING, null, NOW, NOW, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Order.restore(ORDER, CONSUMER, RESTAURANT, goldenLines(), mainStreet(),
            DELIVER_AT, OrderStatus.CANCELLED, null, NOW, NOW, 3)).withMessageContaining("reason");
        assertThatIllegalArgumentException().isThrownBy(() -> Order.restore(ORDER, CONSUMER, RESTAURANT, goldenLines(), mainStreet(),
            DELIVER_AT, OrderStatus.APPROVED, CLOSED, NOW, NOW, 3)).withMessageContaining("reason");
    }

    private static void assertRefused(OrderStatus from, Consumer<Order> step) {
        Order order = order(from, 3);

        assertThatThrownBy(() -> step.accept(order)).isInstanceOf(OrderTransitionException.class).hasMessageContaining(from.name());
        assertThat(order.status()).isEqualTo(from);
        assertThat(order.version()).isEqualTo(3);
        assertThat(order.pendingEvents()).isEmpty();
    }
}
