package dev.panorama.rebuild.cli;

import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --archive-dir} of the commands that read an existing archive. */
final class ArchiveDirectoryOption {

    @Option(names = "--archive-dir", defaultValue = "${env:PANORAMA_ARCHIVE_DIR:-archive}", paramLabel = "DIR",
        description = "The archive's root directory. Default: ${DEFAULT-VALUE} (environment PANORAMA_ARCHIVE_DIR).")
    Path directory;

    /** A reader of the archive; a usage error when there is no archive there. */
    ArchiveReader reader() {
        return new ArchiveReader(store());
    }

    /** The archive's store; a usage error when there is no archive there. */
    LocalDirectoryArchiveStore store() {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no archive at " + directory.toAbsolutePath() + " (--archive-dir)");
        }
        return new LocalDirectoryArchiveStore(directory);
    }
}
