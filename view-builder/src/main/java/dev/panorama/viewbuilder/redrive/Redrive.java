package dev.panorama.viewbuilder.redrive;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Future;

/**
 * Replays dead letters onto the topics they came from, after the cause was fixed (a new release that
 * reads a new schema version, a producer that sent a missing event). Dead letters of one aggregate share
 * a key, hence a partition of the dead-letter topic, so they come back in their order: a poison event
 * first, the events parked behind it after. Reads up to the end offsets it found at start, re-publishes,
 * and commits its own group's offsets only after the broker acknowledged, so a dead letter is redriven
 * at least once and never lost; those that still cannot be applied simply land in the topic again.
 */
public final class Redrive {

    static final String DEAD_LETTER_HEADER_PREFIX = "panorama-dlq-";
    static final String REDRIVEN_FROM = "panorama-redriven-from";
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final String deadLetterTopic;
    private final String group;

    public Redrive(String bootstrapServers, String deadLetterTopic, String group) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetterTopic = deadLetterTopic;
        this.group = group;
    }

    /**
     * @param reason only dead letters with this reason (such as {@code PARKED}), or empty for all
     * @param dryRun list what would be redriven; publish and commit nothing
     * @return how many dead letters were redriven (or would be), per reason
     */
    public Map<String, Integer> run(Optional<String> reason, boolean dryRun, PrintStream out) {
        Map<String, Integer> redriven = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(); KafkaProducer<String, byte[]> producer = producer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // A letter left out by the reason filter stays for a later run: nothing past it is committed.
            Map<TopicPartition, Long> firstLeftOut = new HashMap<>();
            while (!caughtUp(consumer, end)) {
                List<Future<?>> sends = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, byte[]> letter : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(letter.topic(), letter.partition());
                    if (letter.offset() >= end.get(partition)) {
                        continue;
                    }
                    String letterReason = header(letter, DEAD_LETTER_HEADER_PREFIX + "reason");
                    if (reason.isPresent() && !reason.get().equals(letterReason)) {
                        firstLeftOut.putIfAbsent(partition, letter.offset());
                        continue;
                    }
                    if (!firstLeftOut.containsKey(partition)) {
                        done.put(partition, new OffsetAndMetadata(letter.offset() + 1));
                    }
                    String origin = header(letter, DEAD_LETTER_HEADER_PREFIX + "original-topic");
                    if (origin == null) {
                        out.println("skipping " + letter.topic() + "-" + letter.partition() + "@" + letter.offset() + ": no original topic header");
                        continue;
                    }
                    redriven.merge(letterReason, 1, Integer::sum);
                    out.println((dryRun ? "would redrive " : "redriving ") + letterReason + " " + letter.key() + " to " + origin);
                    if (!dryRun) {
                        sends.add(producer.send(replay(letter, origin)));
                    }
                }
                if (!dryRun) {
                    producer.flush();
                    for (Future<?> send : sends) {
                        send.get();
                    }
                    if (!done.isEmpty()) {
                        consumer.commitSync(done);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("redrive interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("redrive could not publish: " + e.getCause().getMessage(), e.getCause());
        }
        return redriven;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    private ProducerRecord<String, byte[]> replay(ConsumerRecord<String, byte[]> letter, String origin) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(origin, letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                record.headers().add(header);
            }
        }
        record.headers().add(REDRIVEN_FROM, (letter.topic() + "/" + letter.partition() + "/" + letter.offset()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, group,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
}
