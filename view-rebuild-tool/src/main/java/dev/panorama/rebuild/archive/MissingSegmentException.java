package dev.panorama.rebuild.archive;

/** The manifest lists a segment that the store does not have. */
public class MissingSegmentException extends ArchiveCorruptedException {

    public MissingSegmentException(String message) {
        super(message);
    }
}
