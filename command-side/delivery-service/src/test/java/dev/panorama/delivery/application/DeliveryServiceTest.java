package dev.panorama.delivery.application;

import dev.panorama.delivery.application.port.in.AssignCourierCommand;
import dev.panorama.delivery.application.port.in.CorrelationId;
import dev.panorama.delivery.application.port.in.DeliveryNotFoundException;
import dev.panorama.delivery.application.port.in.DeliveryStepCommand;
import dev.panorama.delivery.application.port.in.DeliveryVersion;
import dev.panorama.delivery.application.port.in.IdempotencyKey;
import dev.panorama.delivery.application.port.in.IdempotencyKeyReusedException;
import dev.panorama.delivery.application.port.in.OrderAlreadyScheduledException;
import dev.panorama.delivery.application.port.in.ScheduleDeliveryCommand;
import dev.panorama.delivery.application.port.in.StaleDeliveryVersionException;
import dev.panorama.delivery.application.port.out.DeliveryRepository;
import dev.panorama.delivery.application.port.out.IdempotencyKeys;
import dev.panorama.delivery.domain.CourierAssigned;
import dev.panorama.delivery.domain.Delivery;
import dev.panorama.delivery.domain.DeliveryDelivered;
import dev.panorama.delivery.domain.DeliveryEvent;
import dev.panorama.delivery.domain.DeliveryId;
import dev.panorama.delivery.domain.DeliveryPickedUp;
import dev.panorama.delivery.domain.DeliveryScheduled;
import dev.panorama.delivery.domain.DeliveryStatus;
import dev.panorama.delivery.domain.DeliveryTransitionException;
import dev.panorama.delivery.domain.OrderId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static dev.panorama.delivery.domain.DeliveryFixtures.NOW;
import static dev.panorama.delivery.domain.DeliveryFixtures.ORDER;
import static dev.panorama.delivery.domain.DeliveryFixtures.READY_BY;
import static dev.panorama.delivery.domain.DeliveryFixtures.RESTAURANT;
import static dev.panorama.delivery.domain.DeliveryFixtures.alan;
import static dev.panorama.delivery.domain.DeliveryFixtures.grace;
import static dev.panorama.delivery.domain.DeliveryFixtures.mainStreet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases against in-memory ports that behave like the store (version 1 on insert, +1 per update). */
class DeliveryServiceTest {

    private static final CorrelationId CORRELATION = new CorrelationId("request-1");

    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final List<DeliveryEvent> published = new ArrayList<>();
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final DeliveryService service = new DeliveryService(deliveries, (events, correlation) -> published.addAll(events), keys,
        Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void schedulesAtVersionOneAndPublishesTheSchedule() {
        DeliveryVersion result = service.schedule(schedule(ORDER, Optional.empty()));

        assertThat(result.version()).isEqualTo(1);
        assertThat(published).singleElement().isInstanceOfSatisfying(DeliveryScheduled.class,
            event -> assertThat(event.deliveryId()).isEqualTo(result.deliveryId()));
        assertThat(service.get(result.deliveryId()).status()).isEqualTo(DeliveryStatus.SCHEDULED);
    }

    @Test
    void eachStepRaisesTheVersionByOneAndPublishesOneEventWithThatVersion() {
        DeliveryId id = service.schedule(schedule(ORDER, Optional.empty())).deliveryId();

        DeliveryVersion assigned = service.assignCourier(new AssignCourierCommand(id, grace(), OptionalLong.of(1), CORRELATION));
        DeliveryVersion reassigned = service.assignCourier(new AssignCourierCommand(id, alan(), OptionalLong.of(2), CORRELATION));
        DeliveryVersion pickedUp = service.pickUp(new DeliveryStepCommand(id, OptionalLong.of(3), CORRELATION));
        DeliveryVersion delivered = service.markDelivered(new DeliveryStepCommand(id, OptionalLong.empty(), CORRELATION));

        assertThat(List.of(assigned, reassigned, pickedUp, delivered)).extracting(DeliveryVersion::version).containsExactly(2L, 3L, 4L, 5L);
        assertThat(published).extracting(DeliveryEvent::deliveryVersion).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(published).map(Object::getClass).containsExactly(DeliveryScheduled.class, CourierAssigned.class, CourierAssigned.class,
            DeliveryPickedUp.class, DeliveryDelivered.class);
        var snapshot = service.get(id);
        assertThat(snapshot.version()).isEqualTo(5);
        assertThat(snapshot.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(snapshot.courier()).contains(alan());
        assertThat(snapshot.pickedUpAt()).contains(NOW);
        assertThat(snapshot.deliveredAt()).contains(NOW);
    }

    @Test
    void assigningTheSameCourierAgainAnswersTheCurrentVersionAndPublishesNothing() {
        DeliveryId id = service.schedule(schedule(ORDER, Optional.empty())).deliveryId();
        service.assignCourier(new AssignCourierCommand(id, grace(), OptionalLong.empty(), CORRELATION));

        DeliveryVersion again = service.assignCourier(new AssignCourierCommand(id, grace(), OptionalLong.of(2), CORRELATION));

        assertThat(again.version()).isEqualTo(2);
        assertThat(published).hasSize(2);
        assertThat(deliveries.saves).isEqualTo(2);
    }

    @Test
    void refusesAnOutOfOrderStepAndPublishesNothing() {
        DeliveryId id = service.schedule(schedule(ORDER, Optional.empty())).deliveryId();

        assertThatThrownBy(() -> service.pickUp(new DeliveryStepCommand(id, OptionalLong.empty(), CORRELATION)))
            .isInstanceOf(DeliveryTransitionException.class);
        assertThatThrownBy(() -> service.markDelivered(new DeliveryStepCommand(id, OptionalLong.empty(), CORRELATION)))
            .isInstanceOf(DeliveryTransitionException.class);
        assertThat(published).hasSize(1);
        assertThat(service.get(id).version()).isEqualTo(1);
    }

    @Test
    void refusesACommandForAnOlderVersion() {
        DeliveryId id = service.schedule(schedule(ORDER, Optional.empty())).deliveryId();
        service.assignCourier(new AssignCourierCommand(id, grace(), OptionalLong.of(1), CORRELATION));

        assertThatThrownBy(() -> service.pickUp(new DeliveryStepCommand(id, OptionalLong.of(1), CORRELATION)))
            .isInstanceOf(StaleDeliveryVersionException.class).hasMessageContaining("version 2, not 1");
        assertThat(published).hasSize(2);
    }

    @Test
    void refusesAnUnknownDelivery() {
        assertThatThrownBy(() -> service.pickUp(new DeliveryStepCommand(DeliveryId.random(), OptionalLong.empty(), CORRELATION)))
            .isInstanceOf(DeliveryNotFoundException.class);
        assertThatThrownBy(() -> service.get(DeliveryId.random())).isInstanceOf(DeliveryNotFoundException.class);
    }

    @Test
    void refusesASecondDeliveryForTheSameOrder() {
        service.schedule(schedule(ORDER, Optional.empty()));

        assertThatThrownBy(() -> service.schedule(schedule(ORDER, Optional.empty()))).isInstanceOf(OrderAlreadyScheduledException.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResultAndPublishesNothing() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("schedule-1"));
        DeliveryVersion first = service.schedule(schedule(ORDER, key));

        DeliveryVersion retry = service.schedule(schedule(ORDER, key));

        assertThat(retry).isEqualTo(first);
        assertThat(published).hasSize(1);
    }

    @Test
    void refusesAKeyReusedForADifferentSchedule() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("schedule-1"));
        service.schedule(schedule(ORDER, key));

        assertThatThrownBy(() -> service.schedule(schedule(new OrderId(UUID.randomUUID()), key)))
            .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void aFingerprintIgnoresPrecisionTheDeliveryDoesNotKeep() {
        ScheduleDeliveryCommand command = schedule(ORDER, Optional.empty());
        ScheduleDeliveryCommand nanos = new ScheduleDeliveryCommand(ORDER, RESTAURANT, mainStreet(), READY_BY.plusNanos(1), Optional.empty(),
            CORRELATION);
        ScheduleDeliveryCommand later = new ScheduleDeliveryCommand(ORDER, RESTAURANT, mainStreet(), READY_BY.plusSeconds(1), Optional.empty(),
            CORRELATION);

        assertThat(command.fingerprint()).hasSize(64).isEqualTo(nanos.fingerprint()).isNotEqualTo(later.fingerprint());
    }

    private static ScheduleDeliveryCommand schedule(OrderId order, Optional<IdempotencyKey> key) {
        return new ScheduleDeliveryCommand(order, RESTAURANT, mainStreet(), READY_BY, key, CORRELATION);
    }

    /** Keeps what Spring Data JDBC would: the stored version, checked and raised on every save. */
    private static final class InMemoryDeliveries implements DeliveryRepository {

        private final Map<DeliveryId, Delivery> stored = new HashMap<>();
        private int saves;

        @Override
        public Optional<Delivery> findById(DeliveryId deliveryId) {
            return Optional.ofNullable(stored.get(deliveryId)).map(d -> copy(d, d.version()));
        }

        @Override
        public boolean isOrderScheduled(OrderId orderId) {
            return stored.values().stream().anyMatch(d -> d.orderId().equals(orderId));
        }

        @Override
        public long save(Delivery delivery) {
            Delivery current = stored.get(delivery.id());
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != delivery.storedVersion()) {
                throw new IllegalStateException("optimistic lock");
            }
            saves++;
            stored.put(delivery.id(), copy(delivery, currentVersion + 1));
            return currentVersion + 1;
        }

        private static Delivery copy(Delivery d, long version) {
            return Delivery.restore(d.id(), d.orderId(), d.restaurantId(), d.deliveryAddress(), d.readyBy(), d.status(), d.courier().orElse(null),
                d.pickedUpAt().orElse(null), d.deliveredAt().orElse(null), d.timeline(), version);
        }
    }

    private static final class InMemoryIdempotencyKeys implements IdempotencyKeys {

        private final Map<IdempotencyKey, RememberedSchedule> remembered = new HashMap<>();

        @Override
        public RememberedSchedule remember(IdempotencyKey key, String fingerprint, DeliveryVersion candidate) {
            return remembered.computeIfAbsent(key, k -> new RememberedSchedule(fingerprint, candidate));
        }
    }
}
