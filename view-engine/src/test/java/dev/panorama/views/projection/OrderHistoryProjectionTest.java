package dev.panorama.views.projection;

import dev.panorama.views.fixtures.Events;
import dev.panorama.views.state.FoldResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderHistoryProjectionTest {

    private final Events events = new Events();
    private final InMemoryStates states = new InMemoryStates();
    private final OrderHistoryProjection projection = new OrderHistoryProjection();

    @Test
    void joinsConsumerAndRestaurantNamesAndTheDeliveryStatus() {
        apply(events.consumerRegistered("c1", "Ada", "Lovelace"), events.restaurantCreated("r1", "Ajanta", List.of()),
            events.orderCreated("o1", "c1", "r1", "12.34"), events.orderApproved("o1"), events.deliveryScheduled("d1", "o1"),
            events.courierAssigned("d1", "o1", "Grace Hopper"));

        OrderHistoryProjection.Document document = projection.render("o1", states).orElseThrow();

        assertThat(document.consumerName()).isEqualTo("Ada Lovelace");
        assertThat(document.restaurantName()).isEqualTo("Ajanta");
        assertThat(document.status()).isEqualTo("APPROVED");
        assertThat(document.deliveryStatus()).isEqualTo("COURIER_ASSIGNED");
        assertThat(document.courierName()).isEqualTo("Grace Hopper");
        assertThat(document.orderTotal().amount()).isEqualTo("12.34");
        assertThat(document.sourceVersions()).containsEntry("order:o1", 2L).containsEntry("consumer:c1", 1L)
            .containsEntry("restaurant:r1", 1L).containsEntry("delivery:d1", 2L);
    }

    @Test
    void versionTwoCountsTheItemsOfAllLinesAndVersionOneLeavesTheFieldOut() {
        apply(events.orderCreated("o1", "c1", "r1", 2, 3, 1));

        assertThat(OrderHistoryProjection.v2().render("o1", states).orElseThrow().itemCount()).isEqualTo(6);
        assertThat(projection.render("o1", states).orElseThrow().itemCount()).isNull();
        assertThat(dev.panorama.views.adapter.DocumentJson.toJson(projection.render("o1", states).orElseThrow())).doesNotContain("itemCount");
    }

    @Test
    void anOrderSeenBeforeItsConsumerGetsTheNameWhenTheConsumerArrives() {
        apply(events.orderCreated("o1", "c1", "r1", "12.34"));
        assertThat(projection.render("o1", states).orElseThrow().consumerName()).isNull();

        FoldResult registered = states.apply(events.consumerRegistered("c1", "Ada", "Lovelace"));

        assertThat(projection.affectedDocuments(((FoldResult.Applied) registered).state(), states)).containsExactly("o1");
        assertThat(projection.render("o1", states).orElseThrow().consumerName()).isEqualTo("Ada Lovelace");
    }

    @Test
    void aRestaurantRenameReachesEveryOrderOfThatRestaurantOnly() {
        apply(events.restaurantCreated("r1", "Ajanta", List.of()), events.restaurantCreated("r2", "Pho 1", List.of()),
            events.orderCreated("o1", "c1", "r1", "1.00"), events.orderCreated("o2", "c2", "r1", "2.00"),
            events.orderCreated("o3", "c1", "r2", "3.00"));

        FoldResult renamed = states.apply(events.restaurantRenamed("r1", "Ajanta Kitchen"));

        assertThat(projection.affectedDocuments(((FoldResult.Applied) renamed).state(), states)).containsExactlyInAnyOrder("o1", "o2");
        assertThat(projection.render("o2", states).orElseThrow().restaurantName()).isEqualTo("Ajanta Kitchen");
        assertThat(projection.render("o3", states).orElseThrow().restaurantName()).isEqualTo("Pho 1");
    }

    @Test
    void aDeliveryBeforeItsOrderRendersNothingUntilTheOrderExists() {
        apply(events.deliveryScheduled("d1", "o1"));
        assertThat(projection.render("o1", states)).isEmpty();

        apply(events.orderCreated("o1", "c1", "r1", "5.00"));

        assertThat(projection.render("o1", states).orElseThrow().deliveryStatus()).isEqualTo("SCHEDULED");
    }

    private void apply(dev.panorama.views.event.DomainEvent... stream) {
        for (var event : stream) {
            assertThat(states.apply(event)).isInstanceOf(FoldResult.Applied.class);
        }
    }
}
