package dev.panorama.rebuild.cli;

/** The exit codes of every subcommand; {@code --help} lists them (RebuildToolMain's exitCodeList). */
final class ExitCodes {

    static final int OK = 0;
    /** Kafka, the archive directory or the file system failed; the message says what. */
    static final int FAILED = 1;
    /** Invalid options or arguments. */
    static final int USAGE = 2;
    /** Verification found corrupted or missing segments, or a view that differs from the archive. */
    static final int CORRUPTED = 3;
    /** An unsafe operation was refused before anything changed. */
    static final int REFUSED = 4;

    private ExitCodes() {
    }
}
