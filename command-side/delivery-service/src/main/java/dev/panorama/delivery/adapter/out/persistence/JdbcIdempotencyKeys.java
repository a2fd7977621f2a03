package dev.panorama.delivery.adapter.out.persistence;

import dev.panorama.delivery.application.port.in.DeliveryVersion;
import dev.panorama.delivery.application.port.in.IdempotencyKey;
import dev.panorama.delivery.application.port.out.IdempotencyKeys;
import dev.panorama.delivery.domain.DeliveryId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/** The {@code schedule_idempotency_key} table, written in the schedule's transaction. */
final class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RememberedSchedule remember(IdempotencyKey key, String fingerprint, DeliveryVersion candidate) {
        // On a concurrent insert of the same key, PostgreSQL waits for the other transaction; if it commits,
        // this insert does nothing and the select (a new snapshot under READ COMMITTED) sees its row.
        jdbc.sql("""
                insert into schedule_idempotency_key (idempotency_key, request_fingerprint, delivery_id, version)
                values (:key, :fingerprint, :deliveryId, :version)
                on conflict (idempotency_key) do nothing""")
            .param("key", key.value())
            .param("fingerprint", fingerprint)
            .param("deliveryId", candidate.deliveryId().value())
            .param("version", candidate.version())
            .update();
        return jdbc.sql("select request_fingerprint, delivery_id, version from schedule_idempotency_key where idempotency_key = :key")
            .param("key", key.value())
            .query((row, number) -> new RememberedSchedule(row.getString("request_fingerprint"),
                new DeliveryVersion(new DeliveryId(row.getObject("delivery_id", UUID.class)), row.getLong("version"))))
            .single();
    }
}
