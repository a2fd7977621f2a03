package dev.panorama.order;

import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.servicetesting.ContractFiles;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes restaurant events to a restaurant topic the way the restaurant service's relay does (key =
 * restaurant id, the envelope as the value), checked against the contracts before they are sent.
 */
final class RestaurantEvents implements AutoCloseable {

    /** Chicken vindaloo 12.34, garlic naan 3.50 and mango lassi 4.25 USD; a glass of wine at 9.00 EUR. */
    static final String MENU = """
        {"items": [{"menuItemId": "chicken-vindaloo", "name": "Chicken Vindaloo", "price": {"amount": "12.34", "currency": "USD"}},
                   {"menuItemId": "garlic-naan", "name": "Garlic Naan", "price": {"amount": "3.50", "currency": "USD"}},
                   {"menuItemId": "mango-lassi", "name": "Mango Lassi", "price": {"amount": "4.25", "currency": "USD"}},
                   {"menuItemId": "wine", "name": "A Glass of Wine", "price": {"amount": "9.00", "currency": "EUR"}}]}""";

    private final ContractFiles contracts = new ContractFiles();
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    RestaurantEvents(KafkaEngine kafka, String topic) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
            "all"), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** A schema-valid {@code restaurant.RestaurantCreated} of {@link #MENU}; returns its event id. */
    UUID created(UUID restaurantId) {
        return send(UUID.randomUUID(), "restaurant.RestaurantCreated", restaurantId, 1, """
            "name": "Ajanta", "cuisine": "Indian", "location": {"lat": 37.8044, "lon": -122.2712},
            "address": {"street1": "1888 Solano Avenue", "city": "Berkeley", "postalCode": "94707", "country": "US"},
            "openingHours": [{"dayOfWeek": "MONDAY", "opens": "11:00", "closes": "23:00"}], "menu": %s""".formatted(MENU));
    }

    /** Sends a schema-valid restaurant event; {@code payloadFields} are the payload's fields after {@code restaurantId}. */
    UUID send(UUID eventId, String eventType, UUID restaurantId, long version, String payloadFields) {
        String envelope = """
            {"eventId": "%s", "eventType": "%s", "schemaVersion": 1, "aggregateType": "restaurant", "aggregateId": "%s",
             "aggregateVersion": %d, "occurredAt": "%s", "correlationId": "order-service-it",
             "payload": {"restaurantId": "%s", %s}}""".formatted(eventId, eventType, restaurantId, version, Instant.now(), restaurantId,
            payloadFields);
        JsonNode parsed = ContractFiles.JSON.readTree(envelope);
        assertThat(contracts.problems(parsed)).as("the test sends what the contract allows").isEmpty();
        sendRaw(restaurantId.toString(), envelope.getBytes(StandardCharsets.UTF_8));
        return eventId;
    }

    /** Sends any value, valid or not, acknowledged before this returns. */
    void sendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
