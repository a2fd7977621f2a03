package dev.panorama.outbox;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static dev.panorama.outbox.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboxEventTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void rejectsAnEventTypeOfAnotherAggregateType() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> anEvent().aggregate("order", "o-1").eventType("consumer.ConsumerRenamed").build())
            .withMessageContaining("does not belong to aggregateType order");
    }

    @Test
    void rejectsAJavaClassNameAsEventType() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> anEvent().eventType("dev.panorama.order.OrderCreated").build())
            .withMessageContaining("eventType must be");
    }

    @Test
    void rejectsVersionsBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> anEvent().version(0).build()).withMessageContaining("aggregateVersion");
        assertThatIllegalArgumentException().isThrownBy(() -> anEvent().schemaVersion(0).build()).withMessageContaining("schemaVersion");
    }

    @Test
    void rejectsIdsTheEnvelopeDoesNotAllow() {
        assertThatIllegalArgumentException().isThrownBy(() -> anEvent().aggregateId("").build()).withMessageContaining("aggregateId");
        assertThatIllegalArgumentException().isThrownBy(() -> anEvent().causationId("x".repeat(129)).build()).withMessageContaining("causationId");
    }

    @Test
    void rejectsAPayloadThatIsNotAnObject() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> anEvent().payload(JSON.getNodeFactory().arrayNode()).build())
            .withMessageContaining("payload must be a JSON object");
    }

    @Test
    void keepsMicrosecondsOfTheInstantLikePostgresDoes() {
        OutboxEvent event = anEvent().occurredAt(Instant.parse("2026-11-08T19:00:00.123456789Z")).build();

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-08T19:00:00.123456Z"));
    }

    @Test
    void cannotBeChangedThroughThePayload() {
        ObjectNode payload = JSON.createObjectNode().put("orderId", "o-1");
        OutboxEvent event = anEvent().payload(payload).build();

        payload.put("orderId", "changed");
        ((ObjectNode) event.payload()).put("orderId", "changed too");

        assertThat(event.payload().get("orderId").asString()).isEqualTo("o-1");
    }
}
