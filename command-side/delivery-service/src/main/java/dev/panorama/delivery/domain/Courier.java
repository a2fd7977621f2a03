package dev.panorama.delivery.domain;

/**
 * The courier who takes a delivery.
 *
 * @param courierId the courier's id in the courier system (not a UUID), 1 to 64 characters
 * @param name      1 to 200 characters
 */
public record Courier(String courierId, String name) {

    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 200;

    public Courier {
        Values.required("courierId", courierId, MAX_ID_LENGTH);
        Values.required("courierName", name, MAX_NAME_LENGTH);
    }
}
