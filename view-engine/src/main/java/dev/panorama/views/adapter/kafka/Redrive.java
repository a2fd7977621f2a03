package dev.panorama.views.adapter.kafka;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Replays dead letters onto the topics they came from, after the cause was fixed (a new release that
 * reads a new schema version, a producer that sent a missing event). Dead letters of one aggregate share
 * a key, hence a partition of the dead-letter topic, so they come back in their order: a poison event
 * first, the events parked behind it after. Reads up to the end offsets it found at start, re-publishes,
 * and commits its own group's offsets only after the broker acknowledged, so a dead letter is redriven
 * at least once and never lost; those that still cannot be applied simply land in the topic again.
 * Used by the view builder's {@code redrive} command and the query API's admin route.
 */
public final class Redrive {

    /** The headers the view builder's dead-letter publisher writes, and this class reads. */
    public static final String DEAD_LETTER_HEADER_PREFIX = "panorama-dlq-";
    public static final String REASON = DEAD_LETTER_HEADER_PREFIX + "reason";
    public static final String ORIGINAL_TOPIC = DEAD_LETTER_HEADER_PREFIX + "original-topic";
    /** The reason of a letter without a reason header (not written by the view builder): counted and filtered as this. */
    public static final String NO_REASON = "UNKNOWN";
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

    /** The group whose offsets say how far the redrive got: apart from the live group, whose offsets are on the event topics. */
    public static String groupOf(String viewBuilderGroup) {
        return viewBuilderGroup + ".redrive";
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public String group() {
        return group;
    }

    /** As {@link #run(Optional, boolean, Consumer)}, each line printed. */
    public Map<String, Integer> run(Optional<String> reason, boolean dryRun, PrintStream out) {
        return run(reason, dryRun, out::println);
    }

    /**
     * @param reason only dead letters with this reason (such as {@code PARKED}), or empty for all
     * @param dryRun list what would be redriven; publish and commit nothing
     * @param say told about each letter redriven or skipped
     * @return how many dead letters were redriven (or would be), per reason
     */
    public Map<String, Integer> run(Optional<String> reason, boolean dryRun, Consumer<String> say) {
        Map<String, Integer> redriven = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(); KafkaProducer<String, byte[]> producer = producer()) {
            List<TopicPartition> partitions = assignAll(consumer);
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
                    String letterReason = reasonOf(letter);
                    if (reason.isPresent() && !reason.get().equals(letterReason)) {
                        firstLeftOut.putIfAbsent(partition, letter.offset());
                        continue;
                    }
                    if (!firstLeftOut.containsKey(partition)) {
                        done.put(partition, new OffsetAndMetadata(letter.offset() + 1));
                    }
                    String origin = header(letter, ORIGINAL_TOPIC);
                    if (origin == null) {
                        say.accept("skipping " + letter.topic() + "-" + letter.partition() + "@" + letter.offset() + ": no original topic header");
                        continue;
                    }
                    redriven.merge(letterReason, 1, Integer::sum);
                    say.accept((dryRun ? "would redrive " : "redriving ") + letterReason + " " + letter.key() + " to " + origin);
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
        } catch (ExecutionException e) {
            throw new IllegalStateException("redrive could not publish: " + e.getCause().getMessage(), e.getCause());
        }
        return redriven;
    }

    /**
     * What a redrive would take: the letters after the redrive group's committed offsets up to the log end,
     * counted per reason and original topic. Reads at most {@code maxScanned} letters (a dead-letter topic
     * can be large); publishes and commits nothing.
     */
    public Waiting waiting(int maxScanned) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = assignAll(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            long total = 0;
            for (TopicPartition partition : partitions) {
                // A committed offset below the log start (retention) restarts from the log start.
                total += Math.max(0, end.get(partition) - Math.max(consumer.position(partition), beginning.get(partition)));
            }
            Map<Kind, Integer> counts = new HashMap<>();
            long scanned = 0;
            boolean leftOut = false;
            while (scanned < maxScanned && !caughtUp(consumer, end)) {
                for (ConsumerRecord<String, byte[]> letter : consumer.poll(POLL)) {
                    if (letter.offset() >= end.get(new TopicPartition(letter.topic(), letter.partition()))) {
                        continue;
                    }
                    if (scanned >= maxScanned) {
                        leftOut = true;
                        continue;
                    }
                    scanned++;
                    counts.merge(new Kind(reasonOf(letter), header(letter, ORIGINAL_TOPIC)), 1, Integer::sum);
                }
            }
            return new Waiting(total, scanned, leftOut || !caughtUp(consumer, end), Map.copyOf(counts));
        }
    }

    /**
     * @param total letters between the redrive group's offsets and the log end (control records of transactions included)
     * @param scanned letters read to count them, at most the limit asked for
     * @param truncated the limit stopped the count before the log end: {@code counts} cover only {@code scanned} letters
     */
    public record Waiting(long total, long scanned, boolean truncated, Map<Kind, Integer> counts) {
    }

    /** A reason and the topic the letter came from ({@code null} when the letter lacks the header: a redrive skips it). */
    public record Kind(String reason, String originalTopic) {
    }

    private List<TopicPartition> assignAll(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        return partitions;
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

    private static String reasonOf(ConsumerRecord<String, byte[]> letter) {
        String reason = header(letter, REASON);
        return reason == null ? NO_REASON : reason;
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
