package dev.panorama.rebuild.archiver;

import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.ArchiveWriter;
import dev.panorama.rebuild.archive.ArchivedRecord;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.archive.SegmentEntry;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.event.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RealEngines
class ArchiverIT {

    private static final int PARTITIONS = 3;
    private static final SegmentLimits SMALL_SEGMENTS = new SegmentLimits(40, 1024 * 1024, Duration.ofMillis(300));

    private final KafkaEngine kafka;
    private final TestNamespace names;
    private final Topics topics;

    @TempDir
    Path archiveDirectory;

    ArchiverIT(KafkaEngine kafka, TestNamespace names) {
        this.kafka = kafka;
        this.names = names;
        this.topics = new Topics(kafka);
    }

    @Test
    void archivesEveryCommittedRecordExactlyAndResumesWithoutDuplicatesOrGaps() throws Exception {
        String orders = names.topic("ftgo.order.events");
        String consumers = names.topic("ftgo.consumer.events");
        kafka.createTopic(orders, PARTITIONS);
        kafka.createTopic(consumers, 1);
        try (Events plain = Events.idempotent(kafka); Events transactional = Events.transactional(kafka, names.prefix() + "-tx")) {
            plain.send(orders, 300);
            transactional.sendInTransaction(orders, 30, true);
            transactional.sendInTransaction(orders, 20, false);
            plain.sendPoison(orders, 1);
            plain.send(orders, 150);
            plain.send(consumers, 25);
        }
        ArchiveReader reader = new ArchiveReader(new LocalDirectoryArchiveStore(archiveDirectory));
        String group = names.group("archiver");

        RunningArchiver first = RunningArchiver.start(settings(group, orders, consumers), archiveDirectory);
        try (first) {
            awaitArchived(reader, orders, PARTITIONS);
            awaitArchived(reader, consumers, 1);
        }
        assertThat(first.archiver().segmentsSealed()).as("segments of at most 40 records").isGreaterThanOrEqualTo((300 + 30 + 1 + 150) / 40 + 1);
        List<ArchivedRecord> archived = Topics.archived(reader, orders);
        assertThat(archived).hasSize(300 + 30 + 1 + 150).containsExactlyElementsOf(topics.read(orders));
        assertThat(Topics.archived(reader, consumers)).containsExactlyElementsOf(topics.read(consumers));
        assertThat(archived).as("the transaction's markers and the aborted records leave offset gaps")
            .anySatisfy(record -> assertThat(hasGapBefore(archived, record)).isTrue());
        ArchivedRecord poisonRecord = archived.stream().filter(record -> record.header("panorama-event-id") == null).findFirst().orElseThrow();
        assertThat(archived).filteredOn(record -> record.header("panorama-event-id") == null).singleElement()
            .satisfies(poison -> assertThat(poison.value()).containsExactly((byte) 0xFF, 0, (byte) 0xC3, '{'));
        EventReader events = new EventReader();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            PartitionId id = new PartitionId(orders, partition);
            List<SegmentEntry> segments = reader.manifest(id).segments();
            assertThat(segments).as("every segment read with the event reader when archived").allSatisfy(segment -> assertThat(segment.unaccepted()).isNotNull());
            List<Long> unaccepted = segments.stream().flatMap(segment -> segment.unaccepted().stream()).toList();
            assertThat(unaccepted).as("the offsets the event reader does not accept, " + id).containsExactlyElementsOf(archived.stream()
                .filter(record -> record.partition().equals(id) && !(events.read(record.value()) instanceof ReadResult.Accepted))
                .map(ArchivedRecord::offset).toList());
        }
        assertThat(reader.manifest(poisonRecord.partition()).segments()).as("the poison record is not accepted")
            .anySatisfy(segment -> assertThat(segment.unaccepted()).contains(poisonRecord.offset()));

        try (Events plain = Events.idempotent(kafka)) {
            plain.send(orders, 200);
        }
        RunningArchiver second = RunningArchiver.start(settings(group, orders, consumers), archiveDirectory);
        try (second) {
            awaitArchived(reader, orders, PARTITIONS);
        }
        assertThat(second.archiver().recordsArchived()).as("only the new records are archived").isEqualTo(200);
        assertThat(Topics.archived(reader, orders)).hasSize(300 + 30 + 1 + 150 + 200).containsExactlyElementsOf(topics.read(orders));
        for (int partition = 0; partition < PARTITIONS; partition++) {
            PartitionId id = new PartitionId(orders, partition);
            assertThat(reader.verify(id).ok()).isTrue();
            assertThat(reader.manifest(id).segments()).allSatisfy(segment -> assertThat(segment.records()).isLessThanOrEqualTo(40));
        }
    }

    private ArchiverSettings settings(String group, String... topicNames) {
        return new ArchiverSettings(kafka.bootstrapServers(), group, null, List.of(topicNames), null, SMALL_SEGMENTS, Duration.ofSeconds(5));
    }

    private void awaitArchived(ArchiveReader reader, String topic, int partitions) {
        Map<Integer, Long> ends = topics.endOffsets(topic);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(Topics.highWaterMarks(reader, topic, partitions)).isEqualTo(ends));
    }

    private static boolean hasGapBefore(List<ArchivedRecord> archived, ArchivedRecord record) {
        int index = archived.indexOf(record);
        if (index == 0) {
            return false;
        }
        ArchivedRecord previous = archived.get(index - 1);
        return previous.partition().equals(record.partition()) && record.offset() > previous.offset() + 1;
    }

    /** An archiver on a thread of its own, stopped (as by SIGTERM) when closed. */
    record RunningArchiver(Archiver archiver, Thread thread, ByteArrayOutputStream status) implements AutoCloseable {

        static RunningArchiver start(ArchiverSettings settings, Path archiveDirectory) {
            ByteArrayOutputStream status = new ByteArrayOutputStream();
            Archiver archiver = new Archiver(settings, new ArchiveWriter(new LocalDirectoryArchiveStore(archiveDirectory)),
                new PrintStream(status, true, StandardCharsets.UTF_8));
            Thread thread = Thread.ofPlatform().name("archiver").start(archiver);
            return new RunningArchiver(archiver, thread, status);
        }

        @Override
        public void close() throws InterruptedException {
            archiver.stop();
            assertThat(archiver.awaitStopped(Duration.ofSeconds(30))).as("stopped; status:%n%s", status.toString(StandardCharsets.UTF_8)).isTrue();
            thread.join(Duration.ofSeconds(5));
        }
    }
}
