package dev.panorama.views.state;

import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.event.DomainEvent.ConsumerAddressChanged;
import dev.panorama.views.event.DomainEvent.ConsumerRegistered;
import dev.panorama.views.event.DomainEvent.ConsumerRenamed;
import dev.panorama.views.event.DomainEvent.CourierAssigned;
import dev.panorama.views.event.DomainEvent.DeliveryDelivered;
import dev.panorama.views.event.DomainEvent.DeliveryPickedUp;
import dev.panorama.views.event.DomainEvent.DeliveryScheduled;
import dev.panorama.views.event.DomainEvent.Heartbeat;
import dev.panorama.views.event.DomainEvent.OrderApproved;
import dev.panorama.views.event.DomainEvent.OrderCancelled;
import dev.panorama.views.event.DomainEvent.OrderCreated;
import dev.panorama.views.event.DomainEvent.OrderRejected;
import dev.panorama.views.event.DomainEvent.OrderRevised;
import dev.panorama.views.event.DomainEvent.RestaurantCreated;
import dev.panorama.views.event.DomainEvent.RestaurantMenuRevised;
import dev.panorama.views.event.DomainEvent.RestaurantOpeningHoursChanged;
import dev.panorama.views.event.DomainEvent.RestaurantRenamed;
import dev.panorama.views.event.Values;
import dev.panorama.views.state.DeliveryState.Milestone;
import dev.panorama.views.state.FoldResult.AlreadyApplied;
import dev.panorama.views.state.FoldResult.Applied;
import dev.panorama.views.state.FoldResult.MissingHistory;
import dev.panorama.views.state.FoldResult.NoState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure fold of an aggregate's events into its state: {@code (state, event) -> state}. Events are
 * facts the owning service already decided, so nothing is validated against business rules here; only
 * the version sequence is, because skipping a version would silently drop an event.
 */
public final class StateFold {

    private StateFold() {
    }

    /** @param current the aggregate's state, or {@code null} when none is known yet */
    public static FoldResult apply(AggregateState current, DomainEvent event) {
        if (event instanceof Heartbeat) {
            return new NoState();
        }
        long version = event.metadata().aggregateVersion();
        long known = current == null ? 0 : current.version();
        if (version <= known) {
            return new AlreadyApplied(current);
        }
        if (version != known + 1) {
            return new MissingHistory(known + 1, version);
        }
        return new Applied(next(current, event, version));
    }

    private static AggregateState next(AggregateState current, DomainEvent event, long version) {
        Instant at = event.metadata().occurredAt();
        return switch (event) {
            case ConsumerRegistered e -> new ConsumerState(e.consumerId(), version, e.name(), e.email(), e.address());
            case ConsumerRenamed e -> consumer(current, e).withName(e.name(), version);
            case ConsumerAddressChanged e -> {
                ConsumerState c = consumer(current, e);
                yield new ConsumerState(c.id(), version, c.name(), c.email(), e.address());
            }
            case RestaurantCreated e -> new RestaurantState(e.restaurantId(), version, e.name(), e.cuisine(), e.location(), e.address(),
                Values.copy(e.openingHours()), Values.copy(e.menu()));
            case RestaurantRenamed e -> {
                RestaurantState r = restaurant(current, e);
                yield new RestaurantState(r.id(), version, e.name(), r.cuisine(), r.location(), r.address(), r.openingHours(), r.menu());
            }
            case RestaurantMenuRevised e -> {
                RestaurantState r = restaurant(current, e);
                yield new RestaurantState(r.id(), version, r.name(), r.cuisine(), r.location(), r.address(), r.openingHours(),
                    Values.copy(e.menu()));
            }
            case RestaurantOpeningHoursChanged e -> {
                RestaurantState r = restaurant(current, e);
                yield new RestaurantState(r.id(), version, r.name(), r.cuisine(), r.location(), r.address(),
                    Values.copy(e.openingHours()), r.menu());
            }
            case OrderCreated e -> new OrderState(e.orderId(), version, e.consumerId(), e.restaurantId(), OrderState.Status.APPROVAL_PENDING,
                null, Values.copy(e.lineItems()), e.orderTotal(), e.deliveryAddress(), at, e.deliverAt(), at);
            case OrderRevised e -> {
                OrderState o = order(current, e);
                yield new OrderState(o.id(), version, o.consumerId(), o.restaurantId(), o.status(), o.statusReason(),
                    Values.copy(e.lineItems()), e.orderTotal(), o.deliveryAddress(), o.createdAt(), o.deliverAt(), at);
            }
            case OrderApproved e -> order(current, e).withStatus(OrderState.Status.APPROVED, null, version, at);
            case OrderRejected e -> order(current, e).withStatus(OrderState.Status.REJECTED, e.reason(), version, at);
            case OrderCancelled e -> order(current, e).withStatus(OrderState.Status.CANCELLED, e.reason(), version, at);
            case DeliveryScheduled e -> new DeliveryState(e.deliveryId(), version, e.orderId(), e.restaurantId(),
                DeliveryState.Status.SCHEDULED, null, null, e.readyBy(), List.of(new Milestone(DeliveryState.Status.SCHEDULED, at)));
            case CourierAssigned e -> {
                DeliveryState d = delivery(current, e);
                yield new DeliveryState(d.id(), version, d.orderId(), d.restaurantId(), DeliveryState.Status.COURIER_ASSIGNED,
                    e.courierId(), e.courierName(), d.readyBy(), append(d.timeline(), new Milestone(DeliveryState.Status.COURIER_ASSIGNED, at)));
            }
            case DeliveryPickedUp e -> delivery(current, e).advance(DeliveryState.Status.PICKED_UP, e.pickedUpAt(), version);
            case DeliveryDelivered e -> delivery(current, e).advance(DeliveryState.Status.DELIVERED, e.deliveredAt(), version);
            case Heartbeat e -> throw new IllegalArgumentException("heartbeats carry no state: " + e);
        };
    }

    private static ConsumerState consumer(AggregateState current, DomainEvent event) {
        return (ConsumerState) existing(current, event);
    }

    private static RestaurantState restaurant(AggregateState current, DomainEvent event) {
        return (RestaurantState) existing(current, event);
    }

    private static OrderState order(AggregateState current, DomainEvent event) {
        return (OrderState) existing(current, event);
    }

    private static DeliveryState delivery(AggregateState current, DomainEvent event) {
        return (DeliveryState) existing(current, event);
    }

    /** Only a creating event has version 1, so a later one always finds its state (MissingHistory otherwise). */
    private static AggregateState existing(AggregateState current, DomainEvent event) {
        if (current == null) {
            throw new IllegalStateException(event.metadata().eventType() + " v" + event.metadata().aggregateVersion()
                + " found no state for " + event.metadata().source());
        }
        return current;
    }

    static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
