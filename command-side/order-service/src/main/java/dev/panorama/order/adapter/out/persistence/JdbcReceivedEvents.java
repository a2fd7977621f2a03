package dev.panorama.order.adapter.out.persistence;

import dev.panorama.order.application.port.out.ReceivedEvents;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/** The {@code received_event} table, written in the transaction that handles the event. */
final class JdbcReceivedEvents implements ReceivedEvents {

    private final JdbcClient jdbc;

    JdbcReceivedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstReceipt(String subscriber, UUID eventId) {
        // A concurrent insert of the same event waits for the other transaction: one of them inserts, the other none.
        return jdbc.sql("insert into received_event (subscriber, event_id) values (:subscriber, :eventId) on conflict do nothing")
            .param("subscriber", subscriber)
            .param("eventId", eventId)
            .update() == 1;
    }
}
