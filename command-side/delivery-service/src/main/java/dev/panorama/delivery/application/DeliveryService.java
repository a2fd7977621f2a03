package dev.panorama.delivery.application;

import dev.panorama.delivery.application.port.in.AssignCourierCommand;
import dev.panorama.delivery.application.port.in.AssignCourierUseCase;
import dev.panorama.delivery.application.port.in.CorrelationId;
import dev.panorama.delivery.application.port.in.DeliveryNotFoundException;
import dev.panorama.delivery.application.port.in.DeliveryStepCommand;
import dev.panorama.delivery.application.port.in.DeliveryVersion;
import dev.panorama.delivery.application.port.in.GetDeliveryQuery;
import dev.panorama.delivery.application.port.in.IdempotencyKeyReusedException;
import dev.panorama.delivery.application.port.in.MarkDeliveredUseCase;
import dev.panorama.delivery.application.port.in.OrderAlreadyScheduledException;
import dev.panorama.delivery.application.port.in.PickUpDeliveryUseCase;
import dev.panorama.delivery.application.port.in.ScheduleDeliveryCommand;
import dev.panorama.delivery.application.port.in.ScheduleDeliveryUseCase;
import dev.panorama.delivery.application.port.in.StaleDeliveryVersionException;
import dev.panorama.delivery.application.port.out.DeliveryEventPublisher;
import dev.panorama.delivery.application.port.out.DeliveryRepository;
import dev.panorama.delivery.application.port.out.IdempotencyKeys;
import dev.panorama.delivery.application.port.out.IdempotencyKeys.RememberedSchedule;
import dev.panorama.delivery.domain.Delivery;
import dev.panorama.delivery.domain.DeliveryId;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * The delivery use cases. Each command loads, changes and saves one delivery and appends its event in
 * one transaction, so the stored version and the published {@code aggregateVersion} cannot disagree.
 * The state machine is the aggregate's; this class only loads, checks {@code If-Match} and saves.
 */
@Transactional
public class DeliveryService implements ScheduleDeliveryUseCase, AssignCourierUseCase, PickUpDeliveryUseCase, MarkDeliveredUseCase,
    GetDeliveryQuery {

    private final DeliveryRepository deliveries;
    private final DeliveryEventPublisher events;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public DeliveryService(DeliveryRepository deliveries, DeliveryEventPublisher events, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.deliveries = deliveries;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    @Override
    public DeliveryVersion schedule(ScheduleDeliveryCommand command) {
        DeliveryId id = DeliveryId.random();
        if (command.idempotencyKey().isPresent()) {
            // A schedule always produces version 1, so the answer is known before the work is done;
            // claiming the key first makes a concurrent retry wait for this transaction instead of racing it.
            DeliveryVersion candidate = new DeliveryVersion(id, 1);
            RememberedSchedule remembered = idempotencyKeys.remember(command.idempotencyKey().get(), command.fingerprint(), candidate);
            if (!remembered.result().equals(candidate)) {
                if (!remembered.fingerprint().equals(command.fingerprint())) {
                    throw new IdempotencyKeyReusedException(command.idempotencyKey().get());
                }
                return remembered.result();
            }
        }
        if (deliveries.isOrderScheduled(command.orderId())) {
            throw new OrderAlreadyScheduledException(command.orderId());
        }
        return save(Delivery.schedule(id, command.orderId(), command.restaurantId(), command.deliveryAddress(), command.readyBy(),
            clock.instant()), command.correlationId());
    }

    @Override
    public DeliveryVersion assignCourier(AssignCourierCommand command) {
        Delivery delivery = load(command.deliveryId(), command.expectedVersion());
        delivery.assignCourier(command.courier(), clock.instant());
        return save(delivery, command.correlationId());
    }

    @Override
    public DeliveryVersion pickUp(DeliveryStepCommand command) {
        Delivery delivery = load(command.deliveryId(), command.expectedVersion());
        delivery.pickUp(clock.instant());
        return save(delivery, command.correlationId());
    }

    @Override
    public DeliveryVersion markDelivered(DeliveryStepCommand command) {
        Delivery delivery = load(command.deliveryId(), command.expectedVersion());
        delivery.markDelivered(clock.instant());
        return save(delivery, command.correlationId());
    }

    @Override
    @Transactional(readOnly = true)
    public DeliverySnapshot get(DeliveryId deliveryId) {
        Delivery delivery = deliveries.findById(deliveryId).orElseThrow(() -> new DeliveryNotFoundException(deliveryId));
        return new DeliverySnapshot(delivery.id(), delivery.orderId(), delivery.restaurantId(), delivery.deliveryAddress(), delivery.readyBy(),
            delivery.status(), delivery.courier(), delivery.pickedUpAt(), delivery.deliveredAt(), delivery.version());
    }

    /** A stale {@code If-Match} is refused before the state machine is asked: the client's view is out of date either way. */
    private Delivery load(DeliveryId deliveryId, OptionalLong expectedVersion) {
        Delivery delivery = deliveries.findById(deliveryId).orElseThrow(() -> new DeliveryNotFoundException(deliveryId));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != delivery.version()) {
            throw new StaleDeliveryVersionException(deliveryId, expectedVersion.getAsLong(), delivery.version());
        }
        return delivery;
    }

    /** A delivery with nothing pending (a no-op command) is not written and keeps its version. */
    private DeliveryVersion save(Delivery delivery, CorrelationId correlationId) {
        if (delivery.pendingEvents().isEmpty()) {
            return new DeliveryVersion(delivery.id(), delivery.version());
        }
        long stored = deliveries.save(delivery);
        if (stored != delivery.version()) {
            // Rolls back: an event whose aggregateVersion differs from the stored version would break the no-gap rule.
            throw new IllegalStateException("delivery " + delivery.id() + " stored at version " + stored + ", its event says " + delivery.version());
        }
        events.publish(delivery.pendingEvents(), correlationId);
        return new DeliveryVersion(delivery.id(), stored);
    }
}
