package dev.panorama.consumer.adapter.out.persistence;

import dev.panorama.consumer.application.port.in.ConsumerVersion;
import dev.panorama.consumer.application.port.in.IdempotencyKey;
import dev.panorama.consumer.application.port.out.IdempotencyKeys;
import dev.panorama.consumer.domain.ConsumerId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/** The {@code registration_idempotency_key} table, written in the registration's transaction. */
final class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RememberedRegistration remember(IdempotencyKey key, String fingerprint, ConsumerVersion candidate) {
        // On a concurrent insert of the same key, PostgreSQL waits for the other transaction; if it commits,
        // this insert does nothing and the select (a new snapshot under READ COMMITTED) sees its row.
        jdbc.sql("""
                insert into registration_idempotency_key (idempotency_key, request_fingerprint, consumer_id, version)
                values (:key, :fingerprint, :consumerId, :version)
                on conflict (idempotency_key) do nothing""")
            .param("key", key.value())
            .param("fingerprint", fingerprint)
            .param("consumerId", candidate.consumerId().value())
            .param("version", candidate.version())
            .update();
        return jdbc.sql("select request_fingerprint, consumer_id, version from registration_idempotency_key where idempotency_key = :key")
            .param("key", key.value())
            .query((row, number) -> new RememberedRegistration(row.getString("request_fingerprint"),
                new ConsumerVersion(new ConsumerId(row.getObject("consumer_id", UUID.class)), row.getLong("version"))))
            .single();
    }
}
