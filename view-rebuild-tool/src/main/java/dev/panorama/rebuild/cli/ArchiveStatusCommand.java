package dev.panorama.rebuild.cli;

import dev.panorama.rebuild.archive.ArchiveCorruptedException;
import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.Manifest;
import dev.panorama.rebuild.archive.PartitionCheck;
import dev.panorama.rebuild.archive.PartitionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code archive-status}: what the archive holds, per topic-partition, and optionally whether it is intact. */
@Command(name = "archive-status", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    header = "Show what the archive holds per topic-partition; --verify checks every segment.",
    description = {
        "Prints, per archived topic-partition, the number of segments and records, the offset range, the high-water mark"
            + " (the next offset to archive) and the compressed size, from the manifests.",
        "With --verify, also reads every segment and checks its size, SHA-256, record count and offsets against the"
            + " manifest; each bad segment is named with the expected and actual checksum.", ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:printed (and with --verify: every segment intact)",
        "1:the archive could not be read (a manifest is unreadable, an I/O error)",
        "2:invalid options, or no archive at --archive-dir",
        "3:--verify found corrupted or missing segments"})
final class ArchiveStatusCommand implements Callable<Integer> {

    @Mixin
    private ArchiveDirectoryOption archive;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Only this topic (repeatable).")
    private List<String> topics;

    @Option(names = "--verify", description = "Check every segment's checksum and content against the manifest.")
    private boolean verify;

    private final PrintStream out;

    ArchiveStatusCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        ArchiveReader reader = archive.reader();
        List<PartitionId> partitions = topics == null ? reader.partitions()
            : topics.stream().flatMap(topic -> reader.partitions(topic).stream()).toList();
        if (partitions.isEmpty()) {
            out.println("no archived partitions at " + archive.directory.toAbsolutePath());
            return ExitCodes.OK;
        }
        String format = "%-32s %9s %8s %10s %-27s %15s %10s%s%n";
        out.printf(Locale.ROOT, format, "topic", "partition", "segments", "records", "offsets", "high-water mark", "bytes",
            verify ? "  check" : "");
        List<String> problems = new ArrayList<>();
        long records = 0;
        for (PartitionId partition : partitions) {
            Manifest manifest;
            try {
                manifest = reader.manifest(partition);
            } catch (ArchiveCorruptedException e) {
                if (!verify) {
                    throw e;
                }
                problems.add(e.getMessage());
                out.printf(Locale.ROOT, format, partition.topic(), partition.partition(), "?", "?", "?", "?", "?", "  BAD (manifest)");
                continue;
            }
            String check = "";
            if (verify) {
                PartitionCheck result = reader.verify(partition);
                problems.addAll(result.problems());
                check = result.ok() ? "  ok" : "  BAD (" + result.problems().size() + ")";
            }
            String offsets = manifest.firstOffset().map(first -> first + ".." + (manifest.highWaterMark() - 1)).orElse("-");
            out.printf(Locale.ROOT, format, partition.topic(), partition.partition(), manifest.segments().size(), manifest.records(),
                offsets, manifest.highWaterMark(), manifest.bytes(), check);
            records += manifest.records();
        }
        out.printf(Locale.ROOT, "%d partitions, %d records%n", partitions.size(), records);
        if (verify) {
            problems.forEach(problem -> out.println("  " + problem));
            out.println(problems.isEmpty() ? "verified: every segment matches its manifest"
                : "verification FAILED: " + problems.size() + " problems");
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.CORRUPTED;
    }
}
