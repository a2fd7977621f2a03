package dev.panorama.order.adapter.out.persistence;

import dev.panorama.order.application.port.in.IdempotencyKey;
import dev.panorama.order.application.port.in.OrderVersion;
import dev.panorama.order.application.port.out.IdempotencyKeys;
import dev.panorama.order.domain.OrderId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/** The {@code creation_idempotency_key} table, written in the creation's transaction. */
final class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RememberedCreation remember(IdempotencyKey key, String fingerprint, OrderVersion candidate) {
        // On a concurrent insert of the same key, PostgreSQL waits for the other transaction; if it commits,
        // this insert does nothing and the select (a new snapshot under READ COMMITTED) sees its row.
        jdbc.sql("""
                insert into creation_idempotency_key (idempotency_key, request_fingerprint, order_id, version)
                values (:key, :fingerprint, :orderId, :version)
                on conflict (idempotency_key) do nothing""")
            .param("key", key.value())
            .param("fingerprint", fingerprint)
            .param("orderId", candidate.orderId().value())
            .param("version", candidate.version())
            .update();
        return jdbc.sql("select request_fingerprint, order_id, version from creation_idempotency_key where idempotency_key = :key")
            .param("key", key.value())
            .query((row, number) -> new RememberedCreation(row.getString("request_fingerprint"),
                new OrderVersion(new OrderId(row.getObject("order_id", UUID.class)), row.getLong("version"))))
            .single();
    }
}
