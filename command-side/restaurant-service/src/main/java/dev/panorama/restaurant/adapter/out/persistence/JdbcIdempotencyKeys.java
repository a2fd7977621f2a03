package dev.panorama.restaurant.adapter.out.persistence;

import dev.panorama.restaurant.application.port.in.IdempotencyKey;
import dev.panorama.restaurant.application.port.in.RestaurantVersion;
import dev.panorama.restaurant.application.port.out.IdempotencyKeys;
import dev.panorama.restaurant.domain.RestaurantId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/** The {@code creation_idempotency_key} table, written in the creation's transaction. */
final class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RememberedCreation remember(IdempotencyKey key, String fingerprint, RestaurantVersion candidate) {
        // On a concurrent insert of the same key, PostgreSQL waits for the other transaction; if it commits,
        // this insert does nothing and the select (a new snapshot under READ COMMITTED) sees its row.
        jdbc.sql("""
                insert into creation_idempotency_key (idempotency_key, request_fingerprint, restaurant_id, version)
                values (:key, :fingerprint, :restaurantId, :version)
                on conflict (idempotency_key) do nothing""")
            .param("key", key.value())
            .param("fingerprint", fingerprint)
            .param("restaurantId", candidate.restaurantId().value())
            .param("version", candidate.version())
            .update();
        return jdbc.sql("select request_fingerprint, restaurant_id, version from creation_idempotency_key where idempotency_key = :key")
            .param("key", key.value())
            .query((row, number) -> new RememberedCreation(row.getString("request_fingerprint"),
                new RestaurantVersion(new RestaurantId(row.getObject("restaurant_id", UUID.class)), row.getLong("version"))))
            .single();
    }
}
