package dev.panorama.delivery.adapter.out.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code delivery} table, the persistent form of the aggregate; its timeline is one jsonb column
 * ({@link TimelineColumn}), written with the row.
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
    TimelineColumn timeline,
    @Version long version
) {

    DeliveryRow withVersion(long newVersion) {
        return new DeliveryRow(id, orderId, restaurantId, street1, street2, city, postalCode, country, readyBy, status, courierId, courierName,
            pickedUpAt, deliveredAt, timeline, newVersion);
    }

    /** The {@code timeline} column: one element per change, in order. */
    record TimelineColumn(List<MilestoneRow> milestones) {
    }

    /** One element of the timeline: a {@code DeliveryStatus} name and when that step happened. */
    record MilestoneRow(String status, Instant at) {
    }
}
