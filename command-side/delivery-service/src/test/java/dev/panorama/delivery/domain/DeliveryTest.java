package dev.panorama.delivery.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.panorama.delivery.domain.DeliveryFixtures.DELIVERY;
import static dev.panorama.delivery.domain.DeliveryFixtures.NOW;
import static dev.panorama.delivery.domain.DeliveryFixtures.ORDER;
import static dev.panorama.delivery.domain.DeliveryFixtures.READY_BY;
import static dev.panorama.delivery.domain.DeliveryFixtures.RESTAURANT;
import static dev.panorama.delivery.domain.DeliveryFixtures.alan;
import static dev.panorama.delivery.domain.DeliveryFixtures.assigned;
import static dev.panorama.delivery.domain.DeliveryFixtures.delivered;
import static dev.panorama.delivery.domain.DeliveryFixtures.grace;
import static dev.panorama.delivery.domain.DeliveryFixtures.mainStreet;
import static dev.panorama.delivery.domain.DeliveryFixtures.pickedUp;
import static dev.panorama.delivery.domain.DeliveryFixtures.scheduled;
import static dev.panorama.delivery.domain.DeliveryFixtures.timelineTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryTest {

    private static final Instant LATER = Instant.parse("2026-11-08T19:31:00Z");

    @Test
    void schedulingIsVersionOneWithItsEventPending() {
        Delivery delivery = Delivery.schedule(DELIVERY, ORDER, RESTAURANT, mainStreet(), READY_BY, NOW);

        assertThat(delivery.version()).isEqualTo(1);
        assertThat(delivery.storedVersion()).as("nothing stored yet").isZero();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(delivery.courier()).isEmpty();
        assertThat(delivery.pendingEvents()).singleElement().isInstanceOfSatisfying(DeliveryScheduled.class, event -> {
            assertThat(event.deliveryId()).isEqualTo(DELIVERY);
            assertThat(event.deliveryVersion()).isEqualTo(1);
            assertThat(event.occurredAt()).isEqualTo(NOW);
            assertThat(event.orderId()).isEqualTo(ORDER);
            assertThat(event.restaurantId()).isEqualTo(RESTAURANT);
            assertThat(event.deliveryAddress()).isEqualTo(mainStreet());
            assertThat(event.readyBy()).isEqualTo(READY_BY);
            assertThat(event.eventId()).isNotNull();
        });
    }

    @Test
    void walksTheWholeWayWithOneVersionPerStep() {
        Delivery delivery = scheduled(1);
        delivery.assignCourier(grace(), NOW);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.COURIER_ASSIGNED);
        assertThat(delivery.courier()).contains(grace());
        assertThat(delivery.pendingEvents()).singleElement().isInstanceOfSatisfying(CourierAssigned.class, event -> {
            assertThat(event.deliveryVersion()).isEqualTo(2);
            assertThat(event.courier()).isEqualTo(grace());
            assertThat(event.orderId()).isEqualTo(ORDER);
        });

        Delivery stored2 = assigned(2);
        stored2.pickUp(LATER);
        assertThat(stored2.status()).isEqualTo(DeliveryStatus.PICKED_UP);
        assertThat(stored2.pickedUpAt()).contains(LATER);
        assertThat(stored2.pendingEvents()).singleElement().isInstanceOfSatisfying(DeliveryPickedUp.class, event -> {
            assertThat(event.deliveryVersion()).isEqualTo(3);
            assertThat(event.pickedUpAt()).isEqualTo(LATER);
            assertThat(event.occurredAt()).isEqualTo(LATER);
        });

        Delivery stored3 = pickedUp(3);
        stored3.markDelivered(LATER);
        assertThat(stored3.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(stored3.deliveredAt()).contains(LATER);
        assertThat(stored3.version()).isEqualTo(4);
        assertThat(stored3.pendingEvents()).singleElement().isInstanceOfSatisfying(DeliveryDelivered.class,
            event -> assertThat(event.deliveredAt()).isEqualTo(LATER));
    }

    @Test
    void anotherCourierMayBeAssignedBeforeThePickup() {
        Delivery delivery = assigned(2);

        delivery.assignCourier(alan(), NOW);

        assertThat(delivery.courier()).contains(alan());
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.COURIER_ASSIGNED);
        assertThat(delivery.pendingEvents()).singleElement().isInstanceOfSatisfying(CourierAssigned.class, event -> {
            assertThat(event.deliveryVersion()).isEqualTo(3);
            assertThat(event.courier()).isEqualTo(alan());
        });
    }

    @Test
    void assigningTheCourierAlreadyAssignedChangesNothing() {
        Delivery delivery = assigned(2);

        delivery.assignCourier(grace(), NOW);

        assertThat(delivery.version()).isEqualTo(2);
        assertThat(delivery.pendingEvents()).isEmpty();
    }

    @Test
    void refusesEveryOutOfOrderStepAndChangesNothing() {
        assertRefused(scheduled(1), delivery -> delivery.pickUp(NOW));
        assertRefused(scheduled(1), delivery -> delivery.markDelivered(NOW));
        assertRefused(assigned(2), delivery -> delivery.markDelivered(NOW));
        assertRefused(pickedUp(3), delivery -> delivery.pickUp(NOW));
        assertRefused(pickedUp(3), delivery -> delivery.assignCourier(alan(), NOW));
        assertRefused(delivered(4), delivery -> delivery.assignCourier(alan(), NOW));
        assertRefused(delivered(4), delivery -> delivery.assignCourier(grace(), NOW));
        assertRefused(delivered(4), delivery -> delivery.pickUp(NOW));
        assertRefused(delivered(4), delivery -> delivery.markDelivered(NOW));
    }

    @Test
    void refusesASecondChangeBeforeTheFirstIsSaved() {
        Delivery delivery = Delivery.schedule(DELIVERY, ORDER, RESTAURANT, mainStreet(), READY_BY, NOW);

        assertThatIllegalStateException().isThrownBy(() -> delivery.assignCourier(grace(), NOW));
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(delivery.pendingEvents()).hasSize(1);
    }

    @Test
    void theTimelineHasOneMilestonePerChangeAtTheInstantItsEventCarries() {
        Delivery delivery = Delivery.schedule(DELIVERY, ORDER, RESTAURANT, mainStreet(), READY_BY, Instant.parse("2026-11-08T19:00:00.123456789Z"));
        assertThat(delivery.timeline()).containsExactly(new Milestone(DeliveryStatus.SCHEDULED, delivery.pendingEvents().getFirst().occurredAt()));
        assertThat(delivery.timeline().getFirst().at()).isEqualTo(Instant.parse("2026-11-08T19:00:00.123456Z"));

        Delivery reassigned = assigned(2);
        reassigned.assignCourier(alan(), Instant.parse("2026-11-08T19:05:00Z"));
        assertThat(reassigned.timeline()).as("a reassignment is a step of its own").extracting(Milestone::status)
            .containsExactly(DeliveryStatus.SCHEDULED, DeliveryStatus.COURIER_ASSIGNED, DeliveryStatus.COURIER_ASSIGNED);
        assertThat(reassigned.timeline().getLast().at()).isEqualTo(reassigned.pendingEvents().getFirst().occurredAt());

        Delivery picked = assigned(2);
        picked.pickUp(Instant.parse("2026-11-08T19:21:00.5Z"));
        assertThat(picked.timeline().getLast()).isEqualTo(new Milestone(DeliveryStatus.PICKED_UP, picked.pickedUpAt().orElseThrow()));
        Delivery done = pickedUp(3);
        done.markDelivered(Instant.parse("2026-11-08T19:40:00Z"));
        assertThat(done.timeline().getLast()).isEqualTo(new Milestone(DeliveryStatus.DELIVERED, done.deliveredAt().orElseThrow()));
        assertThat(done.timeline()).hasSize(4);
    }

    @Test
    void keepsTimesToTheMicrosecondAsTheStoreDoes() {
        Instant precise = Instant.parse("2026-11-08T19:30:00.123456789Z");

        Delivery delivery = Delivery.schedule(DELIVERY, ORDER, RESTAURANT, mainStreet(), precise, precise);

        assertThat(delivery.readyBy()).isEqualTo(Instant.parse("2026-11-08T19:30:00.123456Z"));
        assertThat(delivery.pendingEvents().getFirst().occurredAt()).isEqualTo(Instant.parse("2026-11-08T19:30:00.123456Z"));
    }

    @Test
    void aStoredDeliveryHasVersionOneOrMoreAndTheFieldsOfItsState() {
        assertThatIllegalArgumentException().isThrownBy(() -> scheduled(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Delivery.restore(DELIVERY, ORDER, RESTAURANT, mainStreet(), READY_BY,
            DeliveryStatus.PICKED_UP, grace(), null, null, timelineTo(DeliveryStatus.PICKED_UP), 3));
        assertThatIllegalArgumentException().isThrownBy(() -> Delivery.restore(DELIVERY, ORDER, RESTAURANT, mainStreet(), READY_BY,
            DeliveryStatus.SCHEDULED, grace(), null, null, timelineTo(DeliveryStatus.SCHEDULED), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Delivery.restore(DELIVERY, ORDER, RESTAURANT, mainStreet(), READY_BY,
            DeliveryStatus.PICKED_UP, grace(), NOW, null, timelineTo(DeliveryStatus.COURIER_ASSIGNED), 3)).withMessageContaining("timeline");
    }

    private static void assertRefused(Delivery delivery, java.util.function.Consumer<Delivery> step) {
        DeliveryStatus before = delivery.status();
        assertThatThrownBy(() -> step.accept(delivery)).isInstanceOf(DeliveryTransitionException.class)
            .hasMessageContaining(before.name());
        assertThat(delivery.status()).isEqualTo(before);
        assertThat(delivery.pendingEvents()).isEmpty();
    }
}
