package dev.panorama.rebuild.archive;

/**
 * A stored object does not match what the manifest says of it (checksum, size, record count, offsets),
 * or a manifest cannot be read. Never skipped: reading stops here.
 */
public class ArchiveCorruptedException extends ArchiveException {

    public ArchiveCorruptedException(String message) {
        super(message);
    }

    public ArchiveCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
