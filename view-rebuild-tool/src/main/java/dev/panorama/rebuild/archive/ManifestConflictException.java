package dev.panorama.rebuild.archive;

/**
 * The manifest changed since it was read: another writer archived this partition in the meantime.
 * Nothing was recorded; the writer re-reads the manifest and continues from its high-water mark.
 */
public class ManifestConflictException extends ArchiveException {

    public ManifestConflictException(String message) {
        super(message);
    }
}
