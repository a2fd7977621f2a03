package dev.panorama.delivery.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery aggregate and its state machine: SCHEDULED → COURIER_ASSIGNED → PICKED_UP → DELIVERED.
 * A courier may be (re)assigned until the pickup; every other step is allowed from exactly one state, and
 * nothing is allowed after the delivery. Every change records one event and raises the version by one;
 * assigning the courier already assigned records nothing and keeps the version.
 *
 * <p>Times are kept to the microsecond, as PostgreSQL stores them, so that what an event says is what the
 * store holds. The timeline records each change with the instant its event carries, so that a snapshot of the
 * delivery says what folding its events says. At most one change per unit of work: the store raises the
 * version once per save.
 */
public final class Delivery {

    private final DeliveryId id;
    private final OrderId orderId;
    private final RestaurantId restaurantId;
    private final Address deliveryAddress;
    private final Instant readyBy;
    private final long storedVersion;
    private final List<DeliveryEvent> pendingEvents = new ArrayList<>();
    private final List<Milestone> timeline;
    private DeliveryStatus status;
    private Courier courier;
    private Instant pickedUpAt;
    private Instant deliveredAt;

    private Delivery(DeliveryId id, OrderId orderId, RestaurantId restaurantId, Address deliveryAddress, Instant readyBy,
                     DeliveryStatus status, Courier courier, Instant pickedUpAt, Instant deliveredAt, List<Milestone> timeline,
                     long storedVersion) {
        this.id = Objects.requireNonNull(id, "id");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.restaurantId = Objects.requireNonNull(restaurantId, "restaurantId");
        this.deliveryAddress = Objects.requireNonNull(deliveryAddress, "deliveryAddress");
        this.readyBy = micros(Objects.requireNonNull(readyBy, "readyBy"));
        this.status = Objects.requireNonNull(status, "status");
        this.courier = courier;
        this.pickedUpAt = pickedUpAt == null ? null : micros(pickedUpAt);
        this.deliveredAt = deliveredAt == null ? null : micros(deliveredAt);
        this.timeline = new ArrayList<>(Objects.requireNonNull(timeline, "timeline"));
        this.storedVersion = storedVersion;
    }

    /** A new delivery at version 1, SCHEDULED, with its {@link DeliveryScheduled} pending. */
    public static Delivery schedule(DeliveryId id, OrderId orderId, RestaurantId restaurantId, Address deliveryAddress, Instant readyBy,
                                    Instant now) {
        Instant at = micros(now);
        Delivery delivery = new Delivery(id, orderId, restaurantId, deliveryAddress, readyBy, DeliveryStatus.SCHEDULED, null, null, null,
            List.of(new Milestone(DeliveryStatus.SCHEDULED, at)), 0);
        delivery.pendingEvents.add(new DeliveryScheduled(UUID.randomUUID(), at, id, delivery.nextVersion(), orderId, restaurantId,
            deliveryAddress, delivery.readyBy));
        return delivery;
    }

    /**
     * A delivery as the store holds it, at {@code version} (1 or more), with nothing pending.
     *
     * @param timeline one milestone per change so far, the schedule first, the current status last
     * @throws IllegalArgumentException when the fields do not fit the status (a courier exactly from COURIER_ASSIGNED on,
     *     a pickup time exactly from PICKED_UP on, a delivery time exactly when DELIVERED, a timeline from SCHEDULED to the status)
     */
    public static Delivery restore(DeliveryId id, OrderId orderId, RestaurantId restaurantId, Address deliveryAddress, Instant readyBy,
                                   DeliveryStatus status, Courier courier, Instant pickedUpAt, Instant deliveredAt, List<Milestone> timeline,
                                   long version) {
        if (version < 1) {
            throw new IllegalArgumentException("a stored delivery has version 1 or more: " + version);
        }
        boolean consistent = (courier != null) == (status != DeliveryStatus.SCHEDULED)
            && (pickedUpAt != null) == (status == DeliveryStatus.PICKED_UP || status == DeliveryStatus.DELIVERED)
            && (deliveredAt != null) == (status == DeliveryStatus.DELIVERED);
        if (!consistent) {
            throw new IllegalArgumentException("delivery " + id + " is " + status + " but has courier " + courier + ", pickedUpAt "
                + pickedUpAt + ", deliveredAt " + deliveredAt);
        }
        if (timeline.isEmpty() || timeline.getFirst().status() != DeliveryStatus.SCHEDULED || timeline.getLast().status() != status) {
            throw new IllegalArgumentException("delivery " + id + " is " + status + " but its timeline is " + timeline);
        }
        return new Delivery(id, orderId, restaurantId, deliveryAddress, readyBy, status, courier, pickedUpAt, deliveredAt, timeline, version);
    }

    /**
     * Assigns the courier, or another one, until the order is picked up; the courier already assigned is a no-op.
     *
     * @throws DeliveryTransitionException once the order is picked up
     */
    public void assignCourier(Courier newCourier, Instant now) {
        Objects.requireNonNull(newCourier, "newCourier");
        if (status != DeliveryStatus.SCHEDULED && status != DeliveryStatus.COURIER_ASSIGNED) {
            throw new DeliveryTransitionException(id, status, "assign a courier");
        }
        if (newCourier.equals(courier)) {
            return;
        }
        requireNothingPending();
        courier = newCourier;
        status = DeliveryStatus.COURIER_ASSIGNED;
        pendingEvents.add(new CourierAssigned(UUID.randomUUID(), reach(DeliveryStatus.COURIER_ASSIGNED, now), id, nextVersion(), orderId,
            newCourier));
    }

    /** @throws DeliveryTransitionException unless a courier is assigned and the order not yet picked up */
    public void pickUp(Instant now) {
        if (status != DeliveryStatus.COURIER_ASSIGNED) {
            throw new DeliveryTransitionException(id, status, "be picked up (it must be " + DeliveryStatus.COURIER_ASSIGNED + ")");
        }
        requireNothingPending();
        pickedUpAt = reach(DeliveryStatus.PICKED_UP, now);
        status = DeliveryStatus.PICKED_UP;
        pendingEvents.add(new DeliveryPickedUp(UUID.randomUUID(), pickedUpAt, id, nextVersion(), orderId, pickedUpAt));
    }

    /** @throws DeliveryTransitionException unless the order is picked up and not yet delivered */
    public void markDelivered(Instant now) {
        if (status != DeliveryStatus.PICKED_UP) {
            throw new DeliveryTransitionException(id, status, "be delivered (it must be " + DeliveryStatus.PICKED_UP + ")");
        }
        requireNothingPending();
        deliveredAt = reach(DeliveryStatus.DELIVERED, now);
        status = DeliveryStatus.DELIVERED;
        pendingEvents.add(new DeliveryDelivered(UUID.randomUUID(), deliveredAt, id, nextVersion(), orderId, deliveredAt));
    }

    public DeliveryId id() {
        return id;
    }

    public OrderId orderId() {
        return orderId;
    }

    public RestaurantId restaurantId() {
        return restaurantId;
    }

    public Address deliveryAddress() {
        return deliveryAddress;
    }

    public Instant readyBy() {
        return readyBy;
    }

    public DeliveryStatus status() {
        return status;
    }

    /** Empty while SCHEDULED. */
    public Optional<Courier> courier() {
        return Optional.ofNullable(courier);
    }

    /** Empty until PICKED_UP. */
    public Optional<Instant> pickedUpAt() {
        return Optional.ofNullable(pickedUpAt);
    }

    /** Empty until DELIVERED. */
    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    /** Every step so far with when it happened, the pending change included: one milestone per version. */
    public List<Milestone> timeline() {
        return List.copyOf(timeline);
    }

    /** The version including the pending change: what the client gets as its consistency token. */
    public long version() {
        return storedVersion + pendingEvents.size();
    }

    /** The version the store holds (0 before the first save): the store's optimistic-lock expectation. */
    public long storedVersion() {
        return storedVersion;
    }

    public List<DeliveryEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    private long nextVersion() {
        return storedVersion + 1;
    }

    private void requireNothingPending() {
        if (!pendingEvents.isEmpty()) {
            throw new IllegalStateException("delivery " + id + " already has an unsaved change; save it before the next one");
        }
    }

    /** Records the step on the timeline; the instant returned is the one its event carries. */
    private Instant reach(DeliveryStatus step, Instant now) {
        Instant at = micros(now);
        timeline.add(new Milestone(step, at));
        return at;
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
