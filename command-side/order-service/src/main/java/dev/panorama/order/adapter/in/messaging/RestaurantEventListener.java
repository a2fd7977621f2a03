package dev.panorama.order.adapter.in.messaging;

import dev.panorama.order.adapter.in.messaging.RestaurantEventReader.Ignored;
import dev.panorama.order.adapter.in.messaging.RestaurantEventReader.Malformed;
import dev.panorama.order.adapter.in.messaging.RestaurantEventReader.Update;
import dev.panorama.order.application.port.in.ReplicateRestaurantUseCase;
import dev.panorama.order.application.port.in.ReplicateRestaurantUseCase.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.Locale;

/**
 * Keeps the restaurant replica from the restaurant topic, one record at a time. A record that breaks the
 * contract is logged with its coordinates and skipped, so it cannot stop the replica; a failure to write
 * (the database is down) is thrown, and the container retries the record with back-off, its offset not
 * committed. Duplicates and older versions are the use case's to recognise.
 */
final class RestaurantEventListener {

    static final String METRIC = "panorama.order.restaurant.events";

    private static final Logger log = LoggerFactory.getLogger(RestaurantEventListener.class);

    private final RestaurantEventReader reader;
    private final ReplicateRestaurantUseCase replicate;
    private final MeterRegistry meters;

    RestaurantEventListener(RestaurantEventReader reader, ReplicateRestaurantUseCase replicate, MeterRegistry meters) {
        this.reader = reader;
        this.replicate = replicate;
        this.meters = meters;
    }

    @KafkaListener(id = "${panorama.order.restaurant-replica.group-id}", topics = "${panorama.order.restaurant-replica.topic}")
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        String outcome = switch (reader.read(record.value())) {
            case Update update -> {
                Outcome applied = replicate.apply(update.update());
                log.debug("{} v{} of restaurant {} ({}): {}", update.update().eventType(), update.update().version(),
                    update.update().restaurantId(), update.update().eventId(), applied);
                yield applied.name().toLowerCase(Locale.ROOT);
            }
            case Ignored ignored -> {
                log.debug("ignoring {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), ignored.why());
                yield "ignored";
            }
            case Malformed malformed -> {
                log.warn("skipping malformed restaurant event at {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                    record.key(), malformed.why());
                yield "malformed";
            }
        };
        meters.counter(METRIC, "outcome", outcome).increment();
    }
}
