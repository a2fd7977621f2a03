package dev.panorama.restaurant.domain;

/** What kind of food a restaurant serves, such as "Indian"; optional on a restaurant. */
public record Cuisine(String value) {

    public static final int MAX_LENGTH = 100;

    public Cuisine {
        Values.required("cuisine", value, MAX_LENGTH);
    }
}
