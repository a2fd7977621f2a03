package dev.panorama.outbox.spring;

import dev.panorama.outbox.relay.RelaySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code panorama.outbox.*}.
 *
 * @param topics the Kafka topic of each aggregate type the service writes, e.g.
 *     {@code panorama.outbox.topics.order=ftgo.order.events}
 * @param notifyChannel the PostgreSQL channel writers notify and relays listen on; one per outbox
 *     when several share a database
 */
@ConfigurationProperties("panorama.outbox")
public record OutboxProperties(
    Map<String, String> topics,
    @DefaultValue("panorama_outbox") String notifyChannel,
    @DefaultValue Relay relay
) {

    public OutboxProperties {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
    }

    /**
     * {@code panorama.outbox.relay.*}; see {@link RelaySettings} for the timings.
     *
     * @param enabled whether this application runs a relay, or only writes the outbox
     * @param bootstrapServers the Kafka cluster, required when the relay is enabled
     * @param producer further Kafka producer settings, e.g. {@code panorama.outbox.relay.producer.linger.ms=5};
     *     idempotence and {@code acks=all} cannot be turned off
     */
    public record Relay(
        @DefaultValue("true") boolean enabled,
        String bootstrapServers,
        Map<String, String> producer,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("10m") Duration purgeInterval,
        @DefaultValue("5s") Duration backlogInterval,
        @DefaultValue("100ms") Duration minBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("10s") Duration shutdownTimeout
    ) {

        public Relay {
            producer = producer == null ? Map.of() : Map.copyOf(producer);
        }

        public RelaySettings settings() {
            return new RelaySettings(batchSize, pollInterval, retention, purgeInterval, backlogInterval, minBackoff, maxBackoff, shutdownTimeout);
        }

        /** @throws IllegalStateException when no bootstrap servers are configured */
        public Map<String, Object> producerSettings() {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalStateException("panorama.outbox.relay.bootstrap-servers is required when the relay is enabled"
                    + " (set panorama.outbox.relay.enabled=false for an application that only writes the outbox)");
            }
            Map<String, Object> settings = new HashMap<>(producer);
            settings.put("bootstrap.servers", bootstrapServers);
            settings.putIfAbsent("client.id", "panorama-outbox-relay");
            return settings;
        }
    }
}
