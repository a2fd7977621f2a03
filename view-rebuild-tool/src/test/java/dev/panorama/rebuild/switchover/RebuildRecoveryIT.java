package dev.panorama.rebuild.switchover;

import com.mongodb.client.model.Filters;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.cli.RebuildToolMain;
import dev.panorama.rebuild.snapshot.SnapshotArchive;
import dev.panorama.rebuild.switchover.RebuildStack.ToolRun;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.fixtures.SnapshotLines;
import dev.panorama.views.projection.OrderHistoryProjection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild that does not go to plan: the tool killed with SIGKILL in the middle of writing resumes on the
 * next run and converges; a missing segment is refused before anything changes; a corrupted one stops the
 * rebuild with the segment named and readers left where they were.
 */
@RealEngines
class RebuildRecoveryIT {

    @TempDir
    Path archive;

    @Test
    void aRebuildKilledWhileWritingResumesOnTheNextRunAndConverges(Engines engines, TestNamespace namespace) throws Exception {
        List<DomainEvent> story = FtgoStory.generate(41, 100, 10, 1_000);
        try (RebuildStack stack = settledStack(engines, namespace, "killed", story)) {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), RebuildToolMain.class.getName(),
                "rebuild", "order-history", "--to-version", "2", "--archive-dir", archive.toString(), "--handover-wait", "30s", "--batch", "10"));
            command.addAll(stack.connectionArguments());
            Path log = Path.of("target", "rebuild-logs", stack.namePrefix() + "killed-tool.log").toAbsolutePath();
            Process tool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            var checkpoints = stack.mongoDatabase().getCollection(stack.namePrefix() + RebuildCheckpoints.COLLECTION);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
                Document checkpoint = checkpoints.find(Filters.eq("_id", "order-history@v2")).first();
                return checkpoint != null && "WRITING".equals(checkpoint.getString("phase")) && checkpoint.getString("writtenThrough") != null;
            });
            tool.destroyForcibly();
            assertThat(tool.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(tool.exitValue()).as("killed by SIGKILL; its output: %s", Files.readString(log)).isEqualTo(137);
            String killedAt = checkpoints.find(Filters.eq("_id", "order-history@v2")).first().getString("writtenThrough");

            ToolRun resumed = stack.tool("rebuild", "order-history", "--to-version", "2", "--archive-dir", archive.toString(), "--handover-wait", "30s");
            System.out.println("[rebuild] killed while written through " + killedAt + "; then " + resumed);

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.out()).contains("resuming the rebuild of order-history v2").contains("switched");
            assertThat(RebuildStack.diff(RebuildStack.expected(OrderHistoryProjection.v2(), story), stack.indexDocuments("order-history", 2)))
                .isEmpty();
        }
    }

    @Test
    void aMissingSegmentIsRefusedBeforeAnythingChangesAndACorruptedOneSwitchesNothing(Engines engines, TestNamespace namespace)
        throws Exception {
        List<DomainEvent> story = FtgoStory.generate(42, 60, 6, 500);
        try (RebuildStack stack = settledStack(engines, namespace, "corrupt", story)) {
            ArchiveReader reader = new ArchiveReader(new LocalDirectoryArchiveStore(archive));
            PartitionId orders = new PartitionId(stack.topic("order"), 0);
            List<String> segments = reader.manifest(orders).segments().stream().map(segment -> segment.file()).toList();
            assertThat(segments).hasSizeGreaterThan(1);
            Path missing = archive.resolve(orders.prefix()).resolve(segments.getLast());
            Path moved = Files.move(missing, archive.resolve("moved-away"));

            ToolRun refused = stack.tool("rebuild", "order-history", "--to-version", "2", "--archive-dir", archive.toString());

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
            assertThat(refused.err()).contains("refused").contains(segments.getLast()).contains("missing");
            assertThat(stack.mongoDatabase().getCollection(stack.namePrefix() + "view_versions").find(Filters.eq("_id", "order-history")).first())
                .as("nothing registered").satisfies(registry -> assertThat(registry.get("building")).isNull());
            assertThat(stack.elasticsearch().indices().exists(exists -> exists.index(stack.namePrefix() + "order-history-v2")).value()).isFalse();

            Files.move(moved, missing);
            Path corrupted = archive.resolve(orders.prefix()).resolve(segments.getFirst());
            try (RandomAccessFile file = new RandomAccessFile(corrupted.toFile(), "rw")) {
                file.seek(file.length() / 2);
                int original = file.read();
                file.seek(file.length() / 2);
                file.write(original ^ 0xFF);
            }

            ToolRun failed = stack.tool("rebuild", "order-history", "--to-version", "2", "--archive-dir", archive.toString(), "--handover-wait", "30s");

            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
            assertThat(failed.err()).contains(segments.getFirst());
            assertThat(stack.aliasTargets("order-history")).as("readers left on v1").containsExactly(stack.namePrefix() + "order-history-v1");
        }
    }

    @Test
    void aRebuildFromSnapshotsAndTheEventsAfterThemEqualsAFullReplayDocumentForDocument(Engines engines, TestNamespace namespace) {
        List<DomainEvent> story = FtgoStory.generate(43, 100, 10, 1_000);
        // Small segments, so that the snapshot of the first half wholly holds some of them.
        try (RebuildStack stack = settledStack(engines, namespace, "snapshot", story, 60)) {
            SnapshotArchive snapshots = new SnapshotArchive(new LocalDirectoryArchiveStore(archive));
            var middle = Oracle.states(story.subList(0, story.size() / 2)).all();
            for (String type : RebuildStack.AGGREGATES) {
                snapshots.store(SnapshotLines.of(type, Instant.now().minusSeconds(60), middle));
            }

            ToolRun rebuild = stack.tool("rebuild", "order-history", "--to-version", "2", "--archive-dir", archive.toString(),
                "--handover-wait", "30s", "--sample", "2000");
            System.out.println("[rebuild] from snapshots: " + rebuild);

            assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
            assertThat(rebuild.out()).contains("using the order snapshot", "using the consumer snapshot", "events they hold not parsed")
                .contains("0 aggregates ahead of the line");
            Matcher unopened = Pattern.compile("\\((\\d+) in segments they wholly hold, not even opened\\)").matcher(rebuild.out());
            assertThat(unopened.find()).as(rebuild.out()).isTrue();
            assertThat(Long.parseLong(unopened.group(1))).as("records of segments the snapshots wholly hold, skipped").isPositive();
            assertThat(RebuildStack.diff(RebuildStack.expected(OrderHistoryProjection.v2(), story), stack.indexDocuments("order-history", 2)))
                .as("snapshot + tail equals the full replay").isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Every event published, applied by the live builder and archived. */
    private RebuildStack settledStack(Engines engines, TestNamespace namespace, String scenario, List<DomainEvent> story) {
        return settledStack(engines, namespace, scenario, story, 500);
    }

    private RebuildStack settledStack(Engines engines, TestNamespace namespace, String scenario, List<DomainEvent> story, int segmentRecords) {
        RebuildStack stack = new RebuildStack(engines, namespace, scenario, archive);
        stack.publish(story);
        stack.startArchiver(segmentRecords);
        stack.startLiveBuilder("live");
        stack.awaitLiveCaughtUp(Duration.ofMinutes(2));
        stack.awaitArchivedEverything(Duration.ofSeconds(60));
        return stack;
    }
}
