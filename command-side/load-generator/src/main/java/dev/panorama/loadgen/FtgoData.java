package dev.panorama.loadgen;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic FTGO request bodies drawn from a seeded random source: Bay Area addresses and coordinates,
 * restaurants with cuisines, menus and opening hours, consumers with names. The same seed draws the
 * same bodies.
 */
final class FtgoData {

    private static final String[] FIRST_NAMES = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John",
        "Margaret", "Ken", "Radia", "Tim", "Leslie", "Niklaus", "Shafi", "Vint", "Anita", "Guido", "Lynn", "Bjarne"};
    private static final String[] LAST_NAMES = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
        "McCarthy", "Hamilton", "Thompson", "Perlman", "Berners-Lee", "Lamport", "Wirth", "Goldwasser", "Cerf", "Borg",
        "van Rossum", "Conway", "Stroustrup"};
    private static final String[] STREETS = {"Solano Avenue", "Telegraph Avenue", "Broadway", "College Avenue",
        "Shattuck Avenue", "Grand Avenue", "Piedmont Avenue", "San Pablo Avenue", "Market Street", "Valencia Street"};
    private static final String[][] CITIES = {{"Oakland", "94612"}, {"Berkeley", "94704"}, {"Albany", "94706"},
        {"Emeryville", "94608"}, {"San Francisco", "94110"}};
    private static final Map<String, String[]> CUISINES = cuisines();
    private static final String[] NAME_WORDS = {"Golden", "Little", "Blue", "Corner", "Garden", "Harbor", "Lucky",
        "Happy", "Red", "Old Town", "Sunset", "Bay"};
    private static final String[] PLACE_WORDS = {"Kitchen", "House", "Table", "Bistro", "Palace", "Grill", "Express", "Diner"};

    private FtgoData() {
    }

    private static Map<String, String[]> cuisines() {
        Map<String, String[]> cuisines = new LinkedHashMap<>();
        cuisines.put("Indian", new String[] {"Chicken Vindaloo", "Garlic Naan", "Saag Paneer", "Lamb Biryani", "Samosa", "Mango Lassi", "Dal Makhani", "Tandoori Chicken"});
        cuisines.put("Italian", new String[] {"Margherita Pizza", "Lasagne", "Tiramisu", "Risotto ai Funghi", "Bruschetta", "Spaghetti Carbonara", "Gelato", "Minestrone"});
        cuisines.put("Japanese", new String[] {"Salmon Nigiri", "Miso Soup", "Tonkotsu Ramen", "Gyoza", "Chicken Katsu", "Edamame", "Tempura Udon", "Matcha Ice Cream"});
        cuisines.put("Mexican", new String[] {"Carnitas Burrito", "Fish Tacos", "Guacamole", "Chicken Enchiladas", "Churros", "Horchata", "Pozole", "Quesadilla"});
        cuisines.put("Thai", new String[] {"Pad Thai", "Green Curry", "Tom Yum Soup", "Mango Sticky Rice", "Papaya Salad", "Massaman Curry", "Satay", "Thai Iced Tea"});
        return cuisines;
    }

    static Map<String, Object> consumer(SplittableRandom random, String uniqueTag) {
        String first = pick(random, FIRST_NAMES);
        String last = pick(random, LAST_NAMES);
        String email = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "." + uniqueTag + "@example.com";
        return Map.of("name", name(first, last), "email", email, "address", address(random));
    }

    static Map<String, Object> consumerName(SplittableRandom random) {
        return name(pick(random, FIRST_NAMES), pick(random, LAST_NAMES));
    }

    private static Map<String, Object> name(String first, String last) {
        return Map.of("firstName", first, "lastName", last);
    }

    static Map<String, Object> address(SplittableRandom random) {
        String[] city = pick(random, CITIES);
        return Map.of("street1", (1 + random.nextInt(3000)) + " " + pick(random, STREETS), "city", city[0],
            "postalCode", city[1], "country", "US");
    }

    /** A restaurant's creation body; its menu is also returned through {@link #menuOf}. */
    static Map<String, Object> restaurant(SplittableRandom random) {
        String cuisine = List.copyOf(CUISINES.keySet()).get(random.nextInt(CUISINES.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", restaurantName(random));
        body.put("cuisine", cuisine);
        // Around Oakland and Berkeley: about 20 km across.
        body.put("location", Map.of("lat", round(37.78 + random.nextDouble() * 0.12), "lon", round(-122.32 + random.nextDouble() * 0.12)));
        body.put("address", address(random));
        body.put("openingHours", openingHours(random));
        body.put("menu", Map.of("items", menu(random, cuisine)));
        return body;
    }

    static String restaurantName(SplittableRandom random) {
        return pick(random, NAME_WORDS) + " " + pick(random, PLACE_WORDS);
    }

    private static List<Map<String, Object>> openingHours(SplittableRandom random) {
        List<Map<String, Object>> periods = new ArrayList<>();
        boolean lateNight = random.nextInt(4) == 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day == DayOfWeek.MONDAY && random.nextBoolean()) {
                continue;
            }
            periods.add(Map.of("dayOfWeek", day.name(), "opens", "11:00", "closes", "14:30"));
            periods.add(Map.of("dayOfWeek", day.name(), "opens", "17:00", "closes", lateNight ? "01:00" : "22:00"));
        }
        return periods;
    }

    private static List<Map<String, Object>> menu(SplittableRandom random, String cuisine) {
        String[] dishes = CUISINES.get(cuisine);
        int size = 4 + random.nextInt(dishes.length - 3);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(menuItem(dishes[i], price(random)));
        }
        return items;
    }

    static Map<String, Object> menuItem(String dish, BigDecimal price) {
        String id = dish.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Map.of("menuItemId", id, "name", dish, "price", Map.of("amount", price.toPlainString(), "currency", "USD"));
    }

    static BigDecimal price(SplittableRandom random) {
        return BigDecimal.valueOf(250 + random.nextInt(2250), 2);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> menuOf(Map<String, Object> restaurant) {
        return (List<Map<String, Object>>) ((Map<String, Object>) restaurant.get("menu")).get("items");
    }

    /** The same menu with one item's price changed. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> repriced(SplittableRandom random, List<Map<String, Object>> menu) {
        List<Map<String, Object>> revised = new ArrayList<>(menu);
        int index = random.nextInt(menu.size());
        Map<String, Object> item = menu.get(index);
        revised.set(index, menuItem((String) item.get("name"), price(random)));
        return revised;
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static double round(double coordinate) {
        return Math.round(coordinate * 1e5) / 1e5;
    }
}
