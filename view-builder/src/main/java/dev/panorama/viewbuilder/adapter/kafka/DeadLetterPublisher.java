package dev.panorama.viewbuilder.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends records that can never be applied, or must wait behind one that could not, to the dead-letter
 * topic: same key and value, original headers, plus the reason and the original coordinates. The send
 * is acknowledged before the batch's offsets are committed, so a dead letter is never lost either.
 */
public final class DeadLetterPublisher {

    static final String REASON = "panorama-dlq-reason";
    static final String DETAIL = "panorama-dlq-detail";
    static final String ORIGINAL_TOPIC = "panorama-dlq-original-topic";
    static final String ORIGINAL_PARTITION = "panorama-dlq-original-partition";
    static final String ORIGINAL_OFFSET = "panorama-dlq-original-offset";
    static final String GROUP = "panorama-dlq-group";
    static final String AT = "panorama-dlq-at";
    private static final int MAX_DETAIL = 2_000;

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final String group;

    public DeadLetterPublisher(KafkaTemplate<String, byte[]> kafka, String topic, String group) {
        this.kafka = kafka;
        this.topic = topic;
        this.group = group;
    }

    public record DeadLetter(ConsumerRecord<String, byte[]> original, String reason, String detail) {
    }

    public void publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (DeadLetter letter : letters) {
            ConsumerRecord<String, byte[]> original = letter.original();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, original.key(), original.value());
            for (Header header : original.headers()) {
                record.headers().add(header);
            }
            header(record, REASON, letter.reason());
            header(record, DETAIL, letter.detail().length() > MAX_DETAIL ? letter.detail().substring(0, MAX_DETAIL) + "…" : letter.detail());
            header(record, ORIGINAL_TOPIC, original.topic());
            header(record, ORIGINAL_PARTITION, Integer.toString(original.partition()));
            header(record, ORIGINAL_OFFSET, Long.toString(original.offset()));
            header(record, GROUP, group);
            header(record, AT, Instant.now().toString());
            sends.add(kafka.send(record));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
