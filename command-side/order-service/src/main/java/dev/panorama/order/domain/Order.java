package dev.panorama.order.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The order aggregate and its state machine: APPROVAL_PENDING → APPROVED | REJECTED | CANCELLED, and
 * APPROVED → CANCELLED; REJECTED and CANCELLED are final. Its lines can be revised while it is
 * APPROVAL_PENDING or APPROVED. Every change records one event and raises the version by one; revising to
 * the lines it already has records nothing and keeps the version.
 *
 * <p>Times are kept to the microsecond, as PostgreSQL stores them, so that what an event says is what the
 * store holds. {@code createdAt} and {@code updatedAt} are the {@code occurredAt} of the first and of the latest
 * event, the very instant the event carries, so that a snapshot of the order says what folding its events says.
 * At most one change per unit of work: the store raises the version once per save.
 */
public final class Order {

    private final OrderId id;
    private final ConsumerId consumerId;
    private final RestaurantId restaurantId;
    private final Address deliveryAddress;
    private final Instant deliverAt;
    private final Instant createdAt;
    private final long storedVersion;
    private final List<OrderEvent> pendingEvents = new ArrayList<>();
    private OrderStatus status;
    private LineItems lineItems;
    private Reason reason;
    private Instant updatedAt;

    private Order(OrderId id, ConsumerId consumerId, RestaurantId restaurantId, LineItems lineItems, Address deliveryAddress,
                  Instant deliverAt, OrderStatus status, Reason reason, Instant createdAt, Instant updatedAt, long storedVersion) {
        this.id = Objects.requireNonNull(id, "id");
        this.consumerId = Objects.requireNonNull(consumerId, "consumerId");
        this.restaurantId = Objects.requireNonNull(restaurantId, "restaurantId");
        this.lineItems = Objects.requireNonNull(lineItems, "lineItems");
        this.deliveryAddress = Objects.requireNonNull(deliveryAddress, "deliveryAddress");
        this.deliverAt = micros(Objects.requireNonNull(deliverAt, "deliverAt"));
        this.status = Objects.requireNonNull(status, "status");
        this.reason = reason;
        this.createdAt = micros(Objects.requireNonNull(createdAt, "createdAt"));
        this.updatedAt = micros(Objects.requireNonNull(updatedAt, "updatedAt"));
        this.storedVersion = storedVersion;
    }

    /** A new order at version 1, APPROVAL_PENDING, with its {@link OrderCreated} pending. */
    public static Order create(OrderId id, ConsumerId consumerId, RestaurantId restaurantId, LineItems lineItems, Address deliveryAddress,
                               Instant deliverAt, Instant now) {
        Instant at = micros(now);
        Order order = new Order(id, consumerId, restaurantId, lineItems, deliveryAddress, deliverAt, OrderStatus.APPROVAL_PENDING, null, at, at,
            0);
        order.pendingEvents.add(new OrderCreated(UUID.randomUUID(), at, id, order.nextVersion(), consumerId, restaurantId, lineItems,
            deliveryAddress, order.deliverAt));
        return order;
    }

    /**
     * An order as the store holds it, at {@code version} (1 or more), with nothing pending.
     *
     * @param createdAt the {@code occurredAt} of its {@link OrderCreated}
     * @param updatedAt the {@code occurredAt} of its latest event
     * @throws IllegalArgumentException when a reason is held by an order that is not REJECTED or CANCELLED, or missing from one that is
     */
    public static Order restore(OrderId id, ConsumerId consumerId, RestaurantId restaurantId, LineItems lineItems, Address deliveryAddress,
                                Instant deliverAt, OrderStatus status, Reason reason, Instant createdAt, Instant updatedAt, long version) {
        if (version < 1) {
            throw new IllegalArgumentException("a stored order has version 1 or more: " + version);
        }
        if ((reason != null) != status.isFinal()) {
            throw new IllegalArgumentException("order " + id + " is " + status + " but has reason " + reason);
        }
        return new Order(id, consumerId, restaurantId, lineItems, deliveryAddress, deliverAt, status, reason, createdAt, updatedAt, version);
    }

    /**
     * Replaces all lines; the same lines (same items, quantities, names and prices, same order) are no change.
     *
     * @throws OrderTransitionException once the order is REJECTED or CANCELLED
     */
    public void revise(LineItems newLineItems, Instant now) {
        Objects.requireNonNull(newLineItems, "newLineItems");
        if (status != OrderStatus.APPROVAL_PENDING && status != OrderStatus.APPROVED) {
            throw new OrderTransitionException(id, status, "be revised");
        }
        if (newLineItems.equals(lineItems)) {
            return;
        }
        requireNothingPending();
        lineItems = newLineItems;
        pendingEvents.add(new OrderRevised(UUID.randomUUID(), touch(now), id, nextVersion(), newLineItems));
    }

    /** @throws OrderTransitionException unless the order is APPROVAL_PENDING */
    public void approve(Instant now) {
        requirePending("be approved");
        requireNothingPending();
        status = OrderStatus.APPROVED;
        pendingEvents.add(new OrderApproved(UUID.randomUUID(), touch(now), id, nextVersion()));
    }

    /** @throws OrderTransitionException unless the order is APPROVAL_PENDING */
    public void reject(Reason why, Instant now) {
        Objects.requireNonNull(why, "why");
        requirePending("be rejected");
        requireNothingPending();
        status = OrderStatus.REJECTED;
        reason = why;
        pendingEvents.add(new OrderRejected(UUID.randomUUID(), touch(now), id, nextVersion(), why));
    }

    /** @throws OrderTransitionException unless the order is APPROVAL_PENDING or APPROVED */
    public void cancel(Reason why, Instant now) {
        Objects.requireNonNull(why, "why");
        if (status != OrderStatus.APPROVAL_PENDING && status != OrderStatus.APPROVED) {
            throw new OrderTransitionException(id, status, "be cancelled");
        }
        requireNothingPending();
        status = OrderStatus.CANCELLED;
        reason = why;
        pendingEvents.add(new OrderCancelled(UUID.randomUUID(), touch(now), id, nextVersion(), why));
    }

    public OrderId id() {
        return id;
    }

    public ConsumerId consumerId() {
        return consumerId;
    }

    public RestaurantId restaurantId() {
        return restaurantId;
    }

    public LineItems lineItems() {
        return lineItems;
    }

    public Money orderTotal() {
        return lineItems.total();
    }

    public Address deliveryAddress() {
        return deliveryAddress;
    }

    public Instant deliverAt() {
        return deliverAt;
    }

    /** The {@code occurredAt} of the order's creation event. */
    public Instant createdAt() {
        return createdAt;
    }

    /** The {@code occurredAt} of the order's latest event, the pending one included. */
    public Instant updatedAt() {
        return updatedAt;
    }

    public OrderStatus status() {
        return status;
    }

    /** Why the order was rejected or cancelled; empty while it is neither. */
    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /** The version including the pending change: what the client gets as its consistency token. */
    public long version() {
        return storedVersion + pendingEvents.size();
    }

    /** The version the store holds (0 before the first save): the store's optimistic-lock expectation. */
    public long storedVersion() {
        return storedVersion;
    }

    public List<OrderEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    private void requirePending(String step) {
        if (status != OrderStatus.APPROVAL_PENDING) {
            throw new OrderTransitionException(id, status, step + " (it must be " + OrderStatus.APPROVAL_PENDING + ")");
        }
    }

    private long nextVersion() {
        return storedVersion + 1;
    }

    private void requireNothingPending() {
        if (!pendingEvents.isEmpty()) {
            throw new IllegalStateException("order " + id + " already has an unsaved change; save it before the next one");
        }
    }

    /** The time of a change: it becomes both {@code updatedAt} and the event's {@code occurredAt}. */
    private Instant touch(Instant now) {
        updatedAt = micros(now);
        return updatedAt;
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
