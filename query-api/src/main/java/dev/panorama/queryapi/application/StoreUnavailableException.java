package dev.panorama.queryapi.application;

/** A store the answer needs (Elasticsearch, MongoDB, Kafka) did not answer. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
