package dev.panorama.queryapi.application;

/** The view holds no document with that id. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
