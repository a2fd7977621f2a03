package dev.panorama.views.projection;

import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.Events;
import dev.panorama.views.projection.DocumentValues.Amount;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerSummaryProjectionTest {

    private final Events events = new Events();
    private final ConsumerSummaryProjection projection = new ConsumerSummaryProjection();

    @Test
    void countsOrdersByFateAndTotalsOnlyTheStandingOnes() {
        List<DomainEvent> stream = List.of(events.consumerRegistered("c1", "Ada", "Lovelace"),
            events.orderCreated("o1", "c1", "r1", "10.00"), events.orderApproved("o1"), events.deliveryScheduled("d1", "o1"),
            events.deliveryDelivered("d1", "o1"),
            events.orderCreated("o2", "c1", "r1", "20.00"), events.orderCancelled("o2"),
            events.orderCreated("o3", "c1", "r1", "5.50"));

        ConsumerSummaryProjection.Document summary = render(stream);

        assertThat(summary.name()).isEqualTo("Ada Lovelace");
        assertThat(summary.ordersPlaced()).isEqualTo(3);
        assertThat(summary.ordersApproved()).isEqualTo(1);
        assertThat(summary.ordersCancelled()).isEqualTo(1);
        assertThat(summary.ordersDelivered()).isEqualTo(1);
        assertThat(summary.totalSpent()).containsExactly(new Amount("15.50", "USD"));
    }

    @Test
    void redeliveringEveryEventChangesNoFigure() {
        List<DomainEvent> stream = List.of(events.orderCreated("o1", "c1", "r1", "10.00"), events.orderApproved("o1"),
            events.deliveryScheduled("d1", "o1"), events.deliveryDelivered("d1", "o1"));
        List<DomainEvent> twice = new java.util.ArrayList<>(stream);
        twice.addAll(stream);

        assertThat(render(twice)).isEqualTo(render(stream));
        assertThat(render(twice).ordersDelivered()).isEqualTo(1);
    }

    private ConsumerSummaryProjection.Document render(List<DomainEvent> stream) {
        InMemoryStates states = new InMemoryStates();
        stream.forEach(states::apply);
        return projection.render("c1", states).orElseThrow();
    }
}
