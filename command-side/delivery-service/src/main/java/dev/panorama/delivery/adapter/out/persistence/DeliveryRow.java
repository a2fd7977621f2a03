package dev.panorama.delivery.adapter.out.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code delivery} table with its {@code delivery_milestone} children, the persistent form of the aggregate.
 * Spring Data JDBC replaces the children on every update of the row.
 *
 * @param status  the {@code DeliveryStatus} name
 * @param version a primitive on purpose: Spring Data JDBC treats 0 as "new" and inserts it as 1, then adds
 *     one per update, which is exactly the aggregate's version (1 at the schedule, no gaps)
 */
@Table("delivery")
record DeliveryRow(
    @Id UUID id,
    UUID orderId,
    UUID restaurantId,
    String street1,
    String street2,
    String city,
    String postalCode,
    String country,
    Instant readyBy,
    String status,
    String courierId,
    String courierName,
    Instant pickedUpAt,
    Instant deliveredAt,
    @MappedCollection(idColumn = "delivery_id", keyColumn = "position") List<MilestoneRow> timeline,
    @Version long version
) {

    DeliveryRow withVersion(long newVersion) {
        return new DeliveryRow(id, orderId, restaurantId, street1, street2, city, postalCode, country, readyBy, status, courierId, courierName,
            pickedUpAt, deliveredAt, timeline, newVersion);
    }

    /** One row of {@code delivery_milestone}; its key is the delivery and the position in the timeline. */
    @Table("delivery_milestone")
    record MilestoneRow(String status, Instant at) {
    }
}
