package dev.panorama.queryapi.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An {@code available-restaurants} document as the view builder renders it, open one period on one day. */
public final class Restaurants {

    private Restaurants() {
    }

    public static Map<String, Object> document(String name, double lat, double lon, String dish, String day, int from, int to) {
        Map<String, Object> restaurant = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        restaurant.put("restaurantId", id);
        restaurant.put("name", name);
        restaurant.put("cuisine", "Indian");
        restaurant.put("location", Map.of("lat", lat, "lon", lon));
        restaurant.put("address", Map.of("street1", "1 Main Street", "city", "Berkeley", "postalCode", "94707", "country", "US"));
        restaurant.put("openingHours", List.of(Map.of("dayOfWeek", day, "opens", hhmm(from), "closes", to == 1440 ? "24:00" : hhmm(to))));
        restaurant.put("openPeriods", List.of(Map.of("dayOfWeek", day, "fromMinute", from, "toMinute", to)));
        restaurant.put("menu", List.of(Map.of("menuItemId", "m1", "name", dish, "price", Map.of("amount", "12.34", "currency", "USD"))));
        restaurant.put("sourceVersions", Map.of("restaurant:" + id, 1));
        return restaurant;
    }

    private static String hhmm(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
