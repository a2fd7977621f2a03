package dev.panorama.rebuild.archiver;

import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.cli.RebuildToolMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The archiver as it runs in production, a JVM of its own started from the command line, killed with
 * SIGKILL while events keep arriving: whatever the moment of the kill, the next start continues from
 * the manifests and the archive ends up equal to the topic, record for record.
 */
@RealEngines
class ArchiverCrashIT {

    private static final int PARTITIONS = 2;

    private final KafkaEngine kafka;
    private final TestNamespace names;

    @TempDir
    Path work;

    ArchiverCrashIT(KafkaEngine kafka, TestNamespace names) {
        this.kafka = kafka;
        this.names = names;
    }

    @Test
    void survivesBeingKilledMidRunAndEndsEqualToTheTopic() throws Exception {
        String topic = names.topic("ftgo.order.events");
        kafka.createTopic(topic, PARTITIONS);
        Path archive = work.resolve("archive");
        ArchiveReader reader = new ArchiveReader(new LocalDirectoryArchiveStore(archive));
        Topics topics = new Topics(kafka);
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService producing = Executors.newSingleThreadScheduledExecutor();
        try (Events events = Events.idempotent(kafka)) {
            producing.scheduleAtFixedRate(() -> {
                events.send(topic, 10);
                sent.addAndGet(10);
            }, 0, 20, TimeUnit.MILLISECONDS);

            for (int run = 1; run <= 2; run++) {
                long archivedBefore = archived(reader, topic);
                Process archiver = startArchiver(topic, archive, run);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> archived(reader, topic) >= archivedBefore + 300);
                archiver.destroyForcibly();
                assertThat(archiver.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            producing.shutdown();
            assertThat(producing.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            Process last = startArchiver(topic, archive, 3);
            Map<Integer, Long> ends = topics.endOffsets(topic);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(Topics.highWaterMarks(reader, topic, PARTITIONS)).isEqualTo(ends));
            last.destroy();
            assertThat(last.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            assertThat(last.exitValue()).as("the JVM's status after SIGTERM").isEqualTo(143);
        } finally {
            producing.shutdownNow();
        }

        assertThat(Topics.archived(reader, topic)).hasSize(sent.get()).containsExactlyElementsOf(topics.read(topic));
        for (int partition = 0; partition < PARTITIONS; partition++) {
            assertThat(reader.verify(new PartitionId(topic, partition)).ok()).isTrue();
        }
        assertThat(RebuildToolMain.run(new String[] {"archive-status", "--verify", "--archive-dir", archive.toString()},
            new PrintStream(PrintStream.nullOutputStream()), System.err)).isZero();
    }

    private static long archived(ArchiveReader reader, String topic) {
        return Topics.highWaterMarks(reader, topic, PARTITIONS).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * {@code java -cp <test class path> RebuildToolMain archive ...}, its output in a log file per run. The same
     * {@code --instance-id} each time: the killed member is replaced at once rather than once the group gives up on it (45 s).
     */
    private Process startArchiver(String topic, Path archive, int run) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), RebuildToolMain.class.getName(),
            "archive", "--bootstrap-servers", kafka.bootstrapServers(), "--archive-dir", archive.toString(),
            "--topics", topic, "--group-id", names.group("archiver"), "--instance-id", "archiver-1",
            "--segment-max-records", "100", "--segment-max-age", "200ms", "--status-interval", "2s"));
        Path log = Files.createDirectories(Path.of("target", "archiver-crash-it")).resolve("run-" + run + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
