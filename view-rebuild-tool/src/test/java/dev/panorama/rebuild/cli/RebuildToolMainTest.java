package dev.panorama.rebuild.cli;

import dev.panorama.rebuild.archive.ArchiveWriter;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.archive.Records;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildToolMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path archive;

    private int run(String... args) {
        return RebuildToolMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpNamesTheCommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("archive", "archive-status", "snapshot", "rebuild", "switch", "rollback", "retire", "abandon", "versions", "verify",
            "Exit codes", "corrupted or missing archive segments", "refused an unsafe operation", "Kafka's retention");
    }

    @Test
    void rebuildHelpExplainsTheHandoverTheResumeAndItsExitCodes() {
        assertThat(run("rebuild", "--help")).isZero();
        // Help text wraps at the terminal's width: compare with the line breaks folded.
        assertThat(out().replaceAll("\\s+", " ")).contains("--to-version", "--archive-dir", "--handover-wait", "--dry-run", "--no-switch",
            "--sample", "--elasticsearch-url", "--mongodb-uri", "--group-id", "handover line", "resumes from its checkpoint", "nothing was switched", "refused an unsafe operation", "--max-unreadable");
    }

    @Test
    void rebuildNeedsAVersionAndAnArchive() {
        assertThat(run("rebuild", "order-history")).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--to-version=N'");
        assertThat(run("rebuild", "order-history", "--to-version", "2", "--archive-dir", archive.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err()).contains("no archive at");
        assertThat(run("rebuild", "order-history", "--to-version", "2", "--archive-dir", archive.toString(), "--max-unreadable", "150")).isEqualTo(2);
        assertThat(err()).contains("--max-unreadable is a percentage from 0 to 100");
    }

    @Test
    void snapshotNeedsAServiceAndSaysWhatItChecks() {
        assertThat(run("snapshot")).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--from=URL'");
        assertThat(run("snapshot", "--help")).isZero();
        assertThat(out().replaceAll("\\s+", " ")).contains("--from", "--archive-dir", "GET /snapshot", "schemas/snapshots", "SHA-256");
    }

    @Test
    void verifyOfAMissingArchiveIsAUsageError() {
        assertThat(run("verify", "order-history", "--archive-dir", archive.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err()).contains("no archive at");
    }

    @Test
    void archiveHelpExplainsWhereItContinuesAndItsOptions() {
        assertThat(run("archive", "--help")).isZero();
        assertThat(out()).contains("--bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", "--archive-dir", "PANORAMA_ARCHIVE_DIR", "--topics",
            "--topic-pattern", "--group-id", "panorama-archiver", "--segment-max-records", "50000", "--segment-max-bytes", "64MiB",
            "--segment-max-age", "60s", "read_committed", "manifests", "committed", "SIGTERM");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("a command is needed");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("archive", "--segment-size", "5")).isEqualTo(2);
        assertThat(err()).contains("Unknown options: '--segment-size'").contains("Try 'panorama-view-rebuild-tool archive --help'.");
    }

    @Test
    void aBadDurationIsAOneLineUsageError() {
        assertThat(run("archive", "--segment-max-age", "soon")).isEqualTo(2);
        assertThat(err()).contains("not a duration: 'soon'");
    }

    @Test
    void aBadSizeIsAOneLineUsageError() {
        assertThat(run("archive", "--segment-max-bytes", "lots")).isEqualTo(2);
        assertThat(err()).contains("not a size: 'lots'");
    }

    @Test
    void topicsAndAPatternTogetherAreAUsageError() {
        assertThat(run("archive", "--topics", "a", "--topic-pattern", "b.*", "--archive-dir", archive.toString())).isEqualTo(2);
        assertThat(err()).contains("either --topics or --topic-pattern");
    }

    @Test
    void zeroRecordsPerSegmentIsAUsageError() {
        assertThat(run("archive", "--segment-max-records", "0", "--archive-dir", archive.toString())).isEqualTo(2);
        assertThat(err()).contains("--segment-max-records must be at least 1");
    }

    @Test
    void statusOfAMissingDirectoryIsAUsageError() {
        assertThat(run("archive-status", "--archive-dir", archive.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err()).contains("no archive at");
    }

    @Test
    void statusListsEveryPartition() {
        archiveSomething();

        assertThat(run("archive-status", "--archive-dir", archive.toString())).isZero();

        assertThat(out()).contains("ftgo.order.events", "0..19", "2 partitions, 25 records");
    }

    @Test
    void verifyPassesOnAnIntactArchive() {
        archiveSomething();

        assertThat(run("archive-status", "--verify", "--archive-dir", archive.toString())).isZero();

        assertThat(out()).contains("verified: every segment matches its manifest");
    }

    @Test
    void verifyFailsWithExitThreeOnACorruptedSegment() throws IOException {
        archiveSomething();
        Path segment = archive.resolve("ftgo.order.events/0/00000000000000000010-00000000000000000019.jsonl.zst");
        byte[] content = Files.readAllBytes(segment);
        content[20] ^= 0x40;
        Files.write(segment, content);

        assertThat(run("archive-status", "--verify", "--archive-dir", archive.toString())).isEqualTo(3);

        assertThat(out()).contains("BAD (1)", "00000000000000000010-00000000000000000019.jsonl.zst is corrupted: expected SHA-256", "verification FAILED");
    }

    @Test
    void saysHowToGetZstandardsNativeLibraryLoadedWhenItCannotBe() throws Exception {
        archiveSomething();
        // A JVM of its own, whose temp directory zstd-jni cannot unpack its library into (as on a host mounting /tmp noexec).
        Process tool = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
            "-Djava.io.tmpdir=" + archive.resolve("no-such-directory"), "-cp", System.getProperty("java.class.path"),
            RebuildToolMain.class.getName(), "archive-status", "--verify", "--archive-dir", archive.toString())
            .redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(tool.waitFor()).as(output).isEqualTo(1);
        assertThat(output).contains("Zstandard's native library (zstd-jni) did not load", "set -Djava.io.tmpdir to one that does")
            .doesNotContain("Exception in thread");
    }

    private void archiveSomething() {
        ArchiveWriter writer = new ArchiveWriter(new LocalDirectoryArchiveStore(archive));
        PartitionId orders = new PartitionId("ftgo.order.events", 0);
        writer.append(orders, Records.range(orders, 0, 9));
        writer.append(orders, Records.range(orders, 10, 19));
        PartitionId consumers = new PartitionId("ftgo.consumer.events", 2);
        writer.append(consumers, Records.range(consumers, 0, 4));
    }
}
