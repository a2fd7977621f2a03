package dev.panorama.outbox.spring;

import dev.panorama.outbox.relay.RelaySettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OutboxPropertiesTest {

    @Test
    void defaultsToTheRelaysOwnDefaults() {
        OutboxProperties properties = bind(Map.of());

        assertThat(properties.notifyChannel()).isEqualTo("panorama_outbox");
        assertThat(properties.topics()).isEmpty();
        assertThat(properties.relay().enabled()).isTrue();
        assertThat(properties.relay().settings()).isEqualTo(RelaySettings.defaults());
    }

    @Test
    void bindsTopicsTimingsAndProducerSettingsWithDottedNames() {
        OutboxProperties properties = bind(Map.of(
            "panorama.outbox.topics.order", "ftgo.order.events",
            "panorama.outbox.relay.bootstrap-servers", "kafka:9092",
            "panorama.outbox.relay.poll-interval", "60s",
            "panorama.outbox.relay.retention", "2d",
            "panorama.outbox.relay.producer.linger.ms", "5"));

        assertThat(properties.topics()).containsExactly(Map.entry("order", "ftgo.order.events"));
        assertThat(properties.relay().settings().pollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.relay().settings().retention()).isEqualTo(Duration.ofDays(2));
        assertThat(properties.relay().producerSettings()).containsOnly(
            Map.entry("bootstrap.servers", "kafka:9092"),
            Map.entry("linger.ms", "5"),
            Map.entry("client.id", "panorama-outbox-relay"));
    }

    @Test
    void saysWhatIsMissingWhenTheRelayHasNoKafka() {
        assertThatIllegalStateException()
            .isThrownBy(() -> bind(Map.of()).relay().producerSettings())
            .withMessageStartingWith("panorama.outbox.relay.bootstrap-servers is required");
    }

    private static OutboxProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("panorama.outbox", OutboxProperties.class);
    }
}
