package dev.panorama.views.state;

import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.event.DomainEvent.OrderApproved;
import dev.panorama.views.event.DomainEvent.OrderCancelled;
import dev.panorama.views.event.DomainEvent.OrderCreated;
import dev.panorama.views.event.EventMetadata;
import dev.panorama.views.event.Values.Money;
import dev.panorama.views.state.FoldResult.AlreadyApplied;
import dev.panorama.views.state.FoldResult.Applied;
import dev.panorama.views.state.FoldResult.MissingHistory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StateFoldTest {

    private static final String ORDER = "b3e4f5a6-7c8d-4e9f-a0b1-c2d3e4f5a6b7";

    @Test
    void foldsAnOrderThroughItsLifeCycle() {
        AggregateState created = applied(StateFold.apply(null, created(1)));
        AggregateState approved = applied(StateFold.apply(created, new OrderApproved(meta("order.OrderApproved", 2), ORDER)));
        AggregateState cancelled = applied(StateFold.apply(approved, new OrderCancelled(meta("order.OrderCancelled", 3), ORDER, "mistake")));

        assertThat(cancelled).isInstanceOfSatisfying(OrderState.class, order -> {
            assertThat(order.version()).isEqualTo(3);
            assertThat(order.status()).isEqualTo(OrderState.Status.CANCELLED);
            assertThat(order.statusReason()).isEqualTo("mistake");
            assertThat(order.standing()).isFalse();
            assertThat(order.orderTotal().amount()).isEqualByComparingTo("10.00");
        });
    }

    @Test
    void skipsAnEventTheStateAlreadyIncludes() {
        AggregateState approved = applied(StateFold.apply(applied(StateFold.apply(null, created(1))),
            new OrderApproved(meta("order.OrderApproved", 2), ORDER)));

        assertThat(StateFold.apply(approved, created(1))).isEqualTo(new AlreadyApplied(approved));
        assertThat(StateFold.apply(approved, new OrderApproved(meta("order.OrderApproved", 2), ORDER))).isInstanceOf(AlreadyApplied.class);
    }

    @Test
    void refusesToSkipAMissingVersion() {
        AggregateState created = applied(StateFold.apply(null, created(1)));

        assertThat(StateFold.apply(created, new OrderCancelled(meta("order.OrderCancelled", 3), ORDER, "x")))
            .isEqualTo(new MissingHistory(2, 3));
        assertThat(StateFold.apply(null, new OrderApproved(meta("order.OrderApproved", 2), ORDER)))
            .isEqualTo(new MissingHistory(1, 2));
    }

    private static DomainEvent created(long version) {
        return new OrderCreated(meta("order.OrderCreated", version), ORDER, "c-1", "r-1", List.of(),
            new Money(new BigDecimal("10.00"), "USD"), null, null);
    }

    private static EventMetadata meta(String type, long version) {
        return new EventMetadata(UUID.randomUUID(), type, 1, "order", ORDER, version, Instant.parse("2026-11-08T19:00:00Z"), "test");
    }

    private static AggregateState applied(FoldResult result) {
        assertThat(result).isInstanceOf(Applied.class);
        return ((Applied) result).state();
    }
}
