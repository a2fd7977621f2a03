package dev.panorama.rebuild.cli;

import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import dev.panorama.rebuild.snapshot.SnapshotArchive;
import dev.panorama.rebuild.snapshot.SnapshotClient;
import dev.panorama.views.snapshot.SnapshotReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code snapshot --from <service> ...}: stores command services' consistent snapshots in the archive. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    header = "Download command services' snapshots (GET /snapshot) and keep them in the archive, for faster rebuilds.",
    description = {
        "Each service exports its aggregates in one repeatable-read transaction without blocking writers. Every line is checked"
            + " against the published schemas (schemas/snapshots/) and the trailer's count before the snapshot is stored, with its"
            + " SHA-256, under <archive-dir>/snapshots/<aggregateType>/, with the archived segments it wholly holds. A rebuild then"
            + " folds the newest snapshot taken before it, does not open those segments, and parses only the events after it.", ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every snapshot stored",
        "1:a service could not be reached or the archive directory not written (the message says which)",
        "2:invalid options, or a snapshot that breaks its schema or was cut short (nothing of it is stored)"})
final class SnapshotCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, split = ",", paramLabel = "URL",
        description = "A command service's base URL, e.g. http://127.0.0.1:8085 (repeatable, or comma-separated).")
    private List<URI> services;

    @Option(names = "--archive-dir", defaultValue = "${env:PANORAMA_ARCHIVE_DIR:-archive}", paramLabel = "DIR",
        description = "The archive's root directory, created if absent. Default: ${DEFAULT-VALUE} (environment PANORAMA_ARCHIVE_DIR).")
    private Path archiveDirectory;

    private final PrintStream out;

    SnapshotCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        LocalDirectoryArchiveStore store = new LocalDirectoryArchiveStore(archiveDirectory);
        SnapshotArchive archive = new SnapshotArchive(store);
        ArchiveReader reader = new ArchiveReader(store);
        SnapshotClient client = new SnapshotClient();
        for (URI service : services) {
            List<String> lines = client.download(service);
            try {
                SnapshotArchive.StoredSnapshot stored = archive.store(lines);
                out.printf(Locale.ROOT, "stored the %s snapshot of %s taken %s: %,d records, %,d bytes, %s%n", stored.aggregateType(),
                    stored.service(), stored.takenAt(), stored.records(), stored.bytes(), stored.file());
                archive.coverage(stored).ifPresent(coverage -> out.printf(Locale.ROOT,
                    "  it wholly holds %,d archived records in %d partitions: a rebuild from it does not open their segments%n",
                    coverage.records(reader), coverage.held().size()));
            } catch (SnapshotReader.InvalidSnapshotException e) {
                throw new IllegalArgumentException("the snapshot of " + service + " was not stored: " + e.getMessage(), e);
            }
        }
        return ExitCodes.OK;
    }
}
