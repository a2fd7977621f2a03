package dev.panorama.viewbuilder.adapter.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes a {@code panorama.Heartbeat} to every partition of every event topic, so that freshness is
 * measured even when no business event flows: the round trip from emission to "applied" is recorded
 * per partition when the heartbeat comes back through the views' pipeline.
 */
public final class HeartbeatEmitter {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatEmitter.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> topics;
    private final String emitter;
    private final ObjectMapper json;

    public HeartbeatEmitter(KafkaTemplate<String, byte[]> kafka, List<String> topics, String emitter, ObjectMapper json) {
        this.kafka = kafka;
        this.topics = List.copyOf(topics);
        this.emitter = emitter;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${panorama.view-builder.heartbeat-interval:5s}", initialDelayString = "${panorama.view-builder.heartbeat-interval:5s}")
    public void emit() {
        for (String topic : topics) {
            try {
                for (PartitionInfo partition : kafka.partitionsFor(topic)) {
                    String key = emitter + "." + topic + ".p" + partition.partition();
                    kafka.send(new ProducerRecord<>(topic, partition.partition(), key, heartbeat(key, partition.partition())));
                }
            } catch (RuntimeException e) {
                log.warn("heartbeat to {} failed: {}", topic, e.getMessage());
            }
        }
    }

    private byte[] heartbeat(String aggregateId, int partition) {
        Instant now = Instant.now();
        ObjectNode envelope = json.createObjectNode()
            .put("eventId", UUID.randomUUID().toString())
            .put("eventType", "panorama.Heartbeat")
            .put("schemaVersion", 1)
            .put("aggregateType", "panorama")
            .put("aggregateId", aggregateId)
            // Heartbeats carry no state; a clock reading keeps their version increasing across restarts.
            .put("aggregateVersion", now.toEpochMilli())
            .put("occurredAt", now.toString())
            .put("correlationId", emitter);
        envelope.putObject("payload")
            .put("heartbeatId", UUID.randomUUID().toString())
            .put("emitter", emitter)
            .put("partition", partition)
            .put("emittedAt", now.toString());
        return json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
    }
}
