package dev.panorama.rebuild.archive;

/**
 * A segment object of the same name, hence the same offset range, already exists with other content.
 * Segments are immutable, so it is never overwritten.
 */
public class SegmentConflictException extends ArchiveException {

    public SegmentConflictException(String message) {
        super(message);
    }
}
