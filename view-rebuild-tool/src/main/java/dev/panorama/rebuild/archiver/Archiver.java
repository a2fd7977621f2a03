package dev.panorama.rebuild.archiver;

import dev.panorama.rebuild.archive.ArchiveWriter;
import dev.panorama.rebuild.archive.ArchivedRecord;
import dev.panorama.rebuild.archive.Manifest;
import dev.panorama.rebuild.archive.ManifestConflictException;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.archive.SegmentEntry;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.event.ReadResult;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Copies event topics into the archive, partition by partition, for as long as it runs.
 * <p>
 * The archive is the source of truth for where to continue: when a partition is assigned, the consumer
 * seeks to the archive's high-water mark for it, whatever offset the group has committed. So a restart
 * after a crash continues exactly after the last sealed segment, and offsets archived twice are left
 * out by the writer. Committed offsets are written after each segment only so that the usual tools
 * show the archiver's lag.
 * <p>
 * Not thread-safe, except {@link #stop()}: {@link #run()} owns the consumer.
 */
public final class Archiver implements Runnable {

    private final ArchiverSettings settings;
    private final ArchiveWriter writer;
    private final PrintStream status;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, PartitionBuffer> buffers = new HashMap<>();
    private final ArchiverStats stats = new ArchiverStats();
    private final EventReader events = new EventReader();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    public Archiver(ArchiverSettings settings, ArchiveWriter writer, PrintStream status) {
        this.settings = settings;
        this.writer = writer;
        this.status = status;
        this.consumer = new KafkaConsumer<>(consumerConfig(settings), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static Map<String, Object> consumerConfig(ArchiverSettings settings) {
        Map<String, Object> config = new HashMap<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
            // Only committed transactions: aborted records never happened, markers are not records.
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-" + ProcessHandle.current().pid()));
        if (settings.instanceId() != null) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.instanceId());
        }
        return Map.copyOf(config);
    }

    private volatile Runnable onEachLoop = () -> { };

    /** Something to run once per poll loop, such as a {@link LivenessFile}; set before {@link #run()}. */
    public Archiver onEachLoop(Runnable action) {
        this.onEachLoop = action;
        return this;
    }

    /** Archives until {@link #stop()}; then seals what is buffered and closes the consumer. */
    @Override
    public void run() {
        try {
            Rebalances rebalances = new Rebalances();
            if (settings.topicPattern() != null) {
                consumer.subscribe(settings.topicPattern(), rebalances);
            } else {
                consumer.subscribe(settings.topics(), rebalances);
            }
            status.println("archiver: " + settings.describeTopics() + " -> group " + settings.groupId());
            Duration pollTimeout = Duration.ofMillis(Math.max(10, Math.min(500, settings.limits().maxAge().toMillis() / 2)));
            long nextStatus = System.nanoTime() + settings.statusInterval().toNanos();
            while (running) {
                poll(pollTimeout);
                sealDue();
                onEachLoop.run();
                if (System.nanoTime() - nextStatus >= 0) {
                    printStatus();
                    nextStatus = System.nanoTime() + settings.statusInterval().toNanos();
                }
            }
            sealAll(false);
            printStatus();
        } finally {
            try {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
            } finally {
                stopped.countDown();
            }
        }
    }

    /** Asks {@link #run()} to seal what it holds and return; safe from any thread, e.g. a shutdown hook. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Waits for {@link #run()} to have returned. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long recordsArchived() {
        return stats.records();
    }

    public long segmentsSealed() {
        return stats.segments();
    }

    private void poll(Duration timeout) {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(timeout);
        } catch (WakeupException e) {
            return;
        }
        long now = System.nanoTime();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                PartitionBuffer buffer = buffers.get(partition);
                if (buffer == null) {
                    break;
                }
                buffer.add(record, now);
                // Cut at the limit exactly, however many records one poll brought.
                if (buffer.full(settings.limits())) {
                    seal(partition, buffer, true);
                }
            }
        }
    }

    private void sealDue() {
        long now = System.nanoTime();
        for (Map.Entry<TopicPartition, PartitionBuffer> entry : new ArrayList<>(buffers.entrySet())) {
            if (entry.getValue().due(settings.limits(), now)) {
                seal(entry.getKey(), entry.getValue(), true);
            }
        }
    }

    private void sealAll(boolean stillOwned) {
        for (Map.Entry<TopicPartition, PartitionBuffer> entry : new ArrayList<>(buffers.entrySet())) {
            seal(entry.getKey(), entry.getValue(), stillOwned);
        }
    }

    /** @param stillOwned whether the partition stays assigned (and may be repositioned) after this */
    private void seal(TopicPartition partition, PartitionBuffer buffer, boolean stillOwned) {
        if (buffer.isEmpty()) {
            return;
        }
        List<ArchivedRecord> records = buffer.drain();
        try {
            // Read with the event reader as they are archived: a rebuild then need not validate the accepted ones again.
            Optional<SegmentEntry> segment = writer.append(buffer.partition(), records,
                record -> record.value() != null && events.read(record.value()) instanceof ReadResult.Accepted);
            segment.ifPresent(sealed -> stats.sealed(partition.topic(), sealed.records()));
            long next = records.getLast().offset() + 1;
            consumer.commitAsync(Map.of(partition, new OffsetAndMetadata(next)), null);
        } catch (ManifestConflictException e) {
            // Another archiver owns this partition now or did meanwhile; the manifest tells where the archive stands.
            status.println("archiver: " + e.getMessage() + "; continuing from the manifest");
            if (stillOwned) {
                long highWaterMark = writer.open(buffer.partition()).highWaterMark();
                buffer.restartAt(highWaterMark);
                consumer.seek(partition, highWaterMark);
            }
        }
    }

    private void printStatus() {
        int buffered = buffers.values().stream().mapToInt(PartitionBuffer::size).sum();
        String assigned = buffers.isEmpty()
            ? "no partitions assigned yet (is Kafka reachable at " + settings.bootstrapServers() + "? do the topics exist?)"
            : buffers.size() + " partitions assigned";
        status.println("archiver: " + stats.describe() + "; " + buffered + " records buffered; " + assigned);
    }

    private static PartitionId idOf(TopicPartition partition) {
        return new PartitionId(partition.topic(), partition.partition());
    }

    /** Positions every newly assigned partition at the archive's high-water mark; seals what is given up. */
    private final class Rebalances implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> marks = new HashMap<>();
            for (TopicPartition partition : partitions) {
                Manifest manifest = writer.open(idOf(partition));
                buffers.put(partition, new PartitionBuffer(idOf(partition), manifest.highWaterMark()));
                if (manifest.isEmpty()) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, manifest.highWaterMark());
                    marks.put(partition, manifest.highWaterMark());
                }
            }
            warnAboutLostRecords(marks);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                PartitionBuffer buffer = buffers.remove(partition);
                if (buffer != null) {
                    seal(partition, buffer, false);
                }
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member may own them already: drop, do not write. It restarts from the manifest.
            partitions.forEach(buffers::remove);
        }

        /** The log may have moved on (retention) or been recreated since the archive last saw it: say so. */
        private void warnAboutLostRecords(Map<TopicPartition, Long> marks) {
            if (marks.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(marks.keySet());
            Map<TopicPartition, Long> ends = consumer.endOffsets(marks.keySet());
            marks.forEach((partition, mark) -> {
                Long beginning = beginnings.get(partition);
                Long end = ends.get(partition);
                if (beginning != null && mark < beginning) {
                    status.println("archiver: WARNING " + partition + ": offsets " + mark + ".." + (beginning - 1)
                        + " were deleted from the log before they were archived; the archive continues at " + beginning);
                } else if (end != null && mark > end) {
                    status.println("archiver: WARNING " + partition + ": the archive reaches offset " + mark + " but the log ends at " + end
                        + " (was the topic recreated?); records below " + mark + " will not be archived again");
                }
            });
        }
    }
}
