package dev.panorama.delivery.domain;

/** A value that breaks a value type's own rules, e.g. a country that is not an ISO 3166-1 alpha-2 code. */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String message) {
        super(message);
    }
}
