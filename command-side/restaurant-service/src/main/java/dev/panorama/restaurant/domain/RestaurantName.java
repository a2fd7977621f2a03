package dev.panorama.restaurant.domain;

/** A restaurant's name, 1 to 200 characters. */
public record RestaurantName(String value) {

    public static final int MAX_LENGTH = 200;

    public RestaurantName {
        Values.required("name", value, MAX_LENGTH);
    }
}
