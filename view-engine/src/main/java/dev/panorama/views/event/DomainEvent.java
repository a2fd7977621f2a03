package dev.panorama.views.event;

import dev.panorama.views.event.Values.Address;
import dev.panorama.views.event.Values.GeoPoint;
import dev.panorama.views.event.Values.LineItem;
import dev.panorama.views.event.Values.MenuItem;
import dev.panorama.views.event.Values.Money;
import dev.panorama.views.event.Values.OpeningPeriod;
import dev.panorama.views.event.Values.PersonName;

import java.time.Instant;
import java.util.List;

/**
 * The events the view builder understands, in their current version. Wire names and fields follow
 * {@code schemas/events}; older versions are upcast before they become one of these records.
 */
public sealed interface DomainEvent {

    EventMetadata metadata();

    record ConsumerRegistered(EventMetadata metadata, String consumerId, PersonName name, String email, Address address)
        implements DomainEvent {
    }

    record ConsumerRenamed(EventMetadata metadata, String consumerId, PersonName name) implements DomainEvent {
    }

    record ConsumerAddressChanged(EventMetadata metadata, String consumerId, Address address) implements DomainEvent {
    }

    record RestaurantCreated(EventMetadata metadata, String restaurantId, String name, String cuisine, GeoPoint location,
                             Address address, List<OpeningPeriod> openingHours, List<MenuItem> menu) implements DomainEvent {
    }

    record RestaurantRenamed(EventMetadata metadata, String restaurantId, String name) implements DomainEvent {
    }

    record RestaurantMenuRevised(EventMetadata metadata, String restaurantId, List<MenuItem> menu) implements DomainEvent {
    }

    record RestaurantOpeningHoursChanged(EventMetadata metadata, String restaurantId, List<OpeningPeriod> openingHours)
        implements DomainEvent {
    }

    record OrderCreated(EventMetadata metadata, String orderId, String consumerId, String restaurantId, List<LineItem> lineItems,
                        Money orderTotal, Address deliveryAddress, Instant deliverAt) implements DomainEvent {
    }

    record OrderRevised(EventMetadata metadata, String orderId, List<LineItem> lineItems, Money orderTotal) implements DomainEvent {
    }

    record OrderApproved(EventMetadata metadata, String orderId) implements DomainEvent {
    }

    record OrderRejected(EventMetadata metadata, String orderId, String reason) implements DomainEvent {
    }

    record OrderCancelled(EventMetadata metadata, String orderId, String reason) implements DomainEvent {
    }

    record DeliveryScheduled(EventMetadata metadata, String deliveryId, String orderId, String restaurantId,
                             Address deliveryAddress, Instant readyBy) implements DomainEvent {
    }

    record CourierAssigned(EventMetadata metadata, String deliveryId, String orderId, String courierId, String courierName)
        implements DomainEvent {
    }

    record DeliveryPickedUp(EventMetadata metadata, String deliveryId, String orderId, Instant pickedUpAt) implements DomainEvent {
    }

    record DeliveryDelivered(EventMetadata metadata, String deliveryId, String orderId, Instant deliveredAt) implements DomainEvent {
    }

    /** A freshness probe; it changes no state, views record that they saw it. */
    record Heartbeat(EventMetadata metadata, String heartbeatId, String emitter, int partition, Instant emittedAt)
        implements DomainEvent {
    }
}
