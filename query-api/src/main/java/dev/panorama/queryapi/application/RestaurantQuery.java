package dev.panorama.queryapi.application;

import java.time.DayOfWeek;

/**
 * Restaurants within {@code radiusKm} of a point, open on {@code day} at {@code minuteOfDay} (restaurant
 * local time), optionally serving something matching {@code text}; nearest first.
 */
public record RestaurantQuery(double lat, double lon, double radiusKm, DayOfWeek day, int minuteOfDay, String text, int size) {
}
