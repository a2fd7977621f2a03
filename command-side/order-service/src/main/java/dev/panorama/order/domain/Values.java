package dev.panorama.order.domain;

/** The checks the value types share; the limits are those of the event schemas. */
final class Values {

    private Values() {
    }

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field + " must not be blank");
        }
        return optional(field, value, maxLength);
    }

    static String optional(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidValueException(field + " must be at most " + maxLength + " characters");
        }
        return value;
    }
}
