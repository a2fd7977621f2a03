package dev.panorama.rebuild.archive;

/** The archive cannot do what was asked; the message says which file or object and why. */
public class ArchiveException extends RuntimeException {

    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
