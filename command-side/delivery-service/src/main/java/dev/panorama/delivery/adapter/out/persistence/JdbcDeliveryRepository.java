package dev.panorama.delivery.adapter.out.persistence;

import dev.panorama.delivery.adapter.out.persistence.DeliveryRow.MilestoneRow;
import dev.panorama.delivery.adapter.out.persistence.DeliveryRow.TimelineColumn;
import dev.panorama.delivery.application.port.out.DeliveryRepository;
import dev.panorama.delivery.domain.Address;
import dev.panorama.delivery.domain.Courier;
import dev.panorama.delivery.domain.Delivery;
import dev.panorama.delivery.domain.DeliveryId;
import dev.panorama.delivery.domain.DeliveryStatus;
import dev.panorama.delivery.domain.Milestone;
import dev.panorama.delivery.domain.OrderId;
import dev.panorama.delivery.domain.RestaurantId;

import java.util.Optional;

/** The aggregate through Spring Data JDBC; the {@code @Version} column is the aggregate's version. */
final class JdbcDeliveryRepository implements DeliveryRepository {

    private final DeliveryRowRepository rows;

    JdbcDeliveryRepository(DeliveryRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Delivery> findById(DeliveryId deliveryId) {
        return rows.findById(deliveryId.value()).map(JdbcDeliveryRepository::toDelivery);
    }

    @Override
    public boolean isOrderScheduled(OrderId orderId) {
        return rows.existsByOrderId(orderId.value());
    }

    @Override
    public long save(Delivery delivery) {
        return rows.save(toRow(delivery)).version();
    }

    private static Delivery toDelivery(DeliveryRow row) {
        Courier courier = row.courierId() == null ? null : new Courier(row.courierId(), row.courierName());
        return Delivery.restore(new DeliveryId(row.id()), new OrderId(row.orderId()), new RestaurantId(row.restaurantId()),
            new Address(row.street1(), row.street2(), row.city(), row.postalCode(), row.country()), row.readyBy(),
            DeliveryStatus.valueOf(row.status()), courier, row.pickedUpAt(), row.deliveredAt(),
            row.timeline().milestones().stream().map(milestone -> new Milestone(DeliveryStatus.valueOf(milestone.status()), milestone.at())).toList(),
            row.version());
    }

    /** Carries the stored version: 0 makes an insert, anything else an update guarded by that version. */
    private static DeliveryRow toRow(Delivery delivery) {
        Address address = delivery.deliveryAddress();
        Optional<Courier> courier = delivery.courier();
        return new DeliveryRow(delivery.id().value(), delivery.orderId().value(), delivery.restaurantId().value(),
            address.street1(), address.street2(), address.city(), address.postalCode(), address.country(), delivery.readyBy(),
            delivery.status().name(), courier.map(Courier::courierId).orElse(null), courier.map(Courier::name).orElse(null),
            delivery.pickedUpAt().orElse(null), delivery.deliveredAt().orElse(null),
            new TimelineColumn(delivery.timeline().stream().map(milestone -> new MilestoneRow(milestone.status().name(), milestone.at())).toList()),
            delivery.storedVersion());
    }
}
