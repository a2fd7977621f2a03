package dev.panorama.order.domain;

/** Why an order was rejected or cancelled: 1 to 500 characters. */
public record Reason(String value) {

    public static final int MAX_LENGTH = 500;

    public Reason {
        Values.required("reason", value, MAX_LENGTH);
    }
}
