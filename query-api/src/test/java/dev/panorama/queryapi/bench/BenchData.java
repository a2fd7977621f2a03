package dev.panorama.queryapi.bench;

import com.mongodb.client.MongoCollection;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.Order;
import dev.panorama.queryapi.support.QueryApiStack;
import dev.panorama.queryapi.support.Restaurants;
import dev.panorama.queryapi.support.Views;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A seeded, realistic data set in the view builder's shapes: restaurants around Oakland and Berkeley
 * with a menu and weekly opening periods (lunch and dinner, all day, or past midnight), consumers who
 * mostly reorder from a few favourite restaurants and order at different rates, and their orders over a
 * year in {@code order-history} and {@code order-details}, with the consumer summaries folded from them.
 */
final class BenchData {

    /** A restaurant and what a search for it may ask: where it is, when it is open, what it serves. */
    record Restaurant(String id, String name, double lat, double lon, List<String> dishes, List<Period> periods, Map<String, Object> document) {
    }

    record Period(DayOfWeek day, int fromMinute, int toMinute) {
    }

    record Consumer(String id, String name) {
    }

    private static final String[][] CUISINES = {
        {"Indian", "Chicken Tikka Masala", "Lamb Vindaloo", "Paneer Korma", "Garlic Naan", "Vegetable Biryani", "Chana Masala", "Mango Lassi"},
        {"Mexican", "Carne Asada Burrito", "Chicken Tacos", "Veggie Quesadilla", "Chips and Guacamole", "Pollo Enchiladas", "Horchata"},
        {"Japanese", "Salmon Sushi Roll", "Chicken Teriyaki", "Tonkotsu Ramen", "Vegetable Tempura", "Miso Soup", "Matcha Mochi"},
        {"Italian", "Margherita Pizza", "Spaghetti Carbonara", "Chicken Parmesan", "Mushroom Risotto", "Tiramisu", "Caprese Salad"},
        {"Thai", "Pad Thai", "Green Curry Chicken", "Tom Yum Soup", "Basil Fried Rice", "Mango Sticky Rice", "Thai Iced Tea"},
        {"Chinese", "Kung Pao Chicken", "Beef Chow Mein", "Mapo Tofu", "Pork Dumplings", "Egg Fried Rice", "Hot and Sour Soup"},
        {"American", "Classic Cheeseburger", "Buffalo Chicken Wings", "Caesar Salad", "Garlic Fries", "BBQ Pork Ribs", "Chocolate Milkshake"},
    };
    private static final String[] ADJECTIVES = {"Golden", "Blue", "Little", "Royal", "Happy", "Lucky", "Spicy", "Green", "Red", "Old Town",
        "Lakeside", "Telegraph", "Shattuck", "Piedmont", "College", "Temescal", "Rockridge", "Fruitvale"};
    private static final String[] NOUNS = {"Kitchen", "House", "Garden", "Palace", "Grill", "Corner", "Table", "Express"};
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Katherine", "Linus",
        "Margaret", "Niklaus", "Radia", "Tim", "Ken", "Dennis", "Shafi", "Leslie", "Hedy", "Claude"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy", "Johnson",
        "Torvalds", "Hamilton", "Wirth", "Perlman", "Berners-Lee", "Thompson", "Ritchie", "Goldwasser", "Lamport", "Lamarr", "Shannon"};
    private static final Instant FIRST_ORDER = Instant.parse("2025-11-26T00:00:00Z");
    private static final long YEAR_SECONDS = 365L * 24 * 3600;
    /** A Monday: request times are drawn in the week it starts. */
    static final LocalDateTime WEEK = LocalDateTime.parse("2026-11-30T00:00");

    final List<Restaurant> restaurants = new ArrayList<>();
    final List<Consumer> consumers = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final List<Map<String, Object>> summaries = new ArrayList<>();
    /** Per consumer, how many of their orders each word of a restaurant or item name finds. */
    final Map<String, Map<String, Integer>> wordsByConsumer = new LinkedHashMap<>();

    private final Random random;

    private BenchData(Random random) {
        this.random = random;
    }

    static BenchData generate(long seed, int orders, int consumers, int restaurants) {
        BenchData data = new BenchData(new Random(seed));
        data.restaurants(restaurants);
        data.consumers(consumers);
        data.orders(orders);
        data.summaries();
        return data;
    }

    private void restaurants(int count) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            String[] cuisine = CUISINES[random.nextInt(CUISINES.length)];
            String name;
            do {
                name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + cuisine[0] + " " + NOUNS[random.nextInt(NOUNS.length)];
            } while (!names.add(name));
            double lat = 37.76 + random.nextDouble() * 0.13;   // Fruitvale .. north Berkeley
            double lon = -122.30 + random.nextDouble() * 0.10; // the bay shore .. the hills
            List<String> dishes = new ArrayList<>(List.of(cuisine).subList(1, cuisine.length));
            java.util.Collections.shuffle(dishes, random);
            dishes = List.copyOf(dishes.subList(0, 4 + random.nextInt(dishes.size() - 3)));
            List<Period> periods = new ArrayList<>();
            List<Map<String, Object>> hours = new ArrayList<>();
            int pattern = random.nextInt(3);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (pattern == 0 && day == DayOfWeek.MONDAY) {
                    continue; // lunch and dinner places rest on Mondays
                }
                switch (pattern) {
                    case 0 -> {
                        open(periods, hours, day, 11 * 60, 14 * 60 + 30);
                        open(periods, hours, day, 17 * 60, 22 * 60);
                    }
                    case 1 -> open(periods, hours, day, 10 * 60, 21 * 60);
                    default -> open(periods, hours, day, 17 * 60, 25 * 60 + 30); // past midnight: split in two
                }
            }
            Map<String, Object> document = Restaurants.document(name, round(lat), round(lon), dishes.getFirst(), "MONDAY", 0, 60);
            String id = uuid();
            document.put("restaurantId", id);
            document.put("cuisine", cuisine[0]);
            document.put("address", Map.of("street1", (100 + random.nextInt(4900)) + " Telegraph Avenue",
                "city", lat > 37.85 ? "Berkeley" : "Oakland", "postalCode", lat > 37.85 ? "94704" : "94612", "country", "US"));
            document.put("openingHours", hours);
            document.put("openPeriods", periods.stream().map(period -> (Object) Map.of("dayOfWeek", period.day().name(),
                "fromMinute", period.fromMinute(), "toMinute", period.toMinute())).toList());
            List<Map<String, Object>> menu = new ArrayList<>();
            for (int d = 0; d < dishes.size(); d++) {
                menu.add(Map.of("menuItemId", "m" + (d + 1), "name", dishes.get(d),
                    "price", Map.of("amount", new BigDecimal(800 + random.nextInt(1800)).movePointLeft(2).toPlainString(), "currency", "USD")));
            }
            document.put("menu", menu);
            document.put("sourceVersions", Map.of("restaurant:" + id, 1 + random.nextInt(5)));
            restaurants.add(new Restaurant(id, name, round(lat), round(lon), dishes, List.copyOf(periods), document));
        }
    }

    /** Opening hours as the restaurant states them, and the view's minute ranges (a period past midnight split in two). */
    private static void open(List<Period> periods, List<Map<String, Object>> hours, DayOfWeek day, int from, int to) {
        hours.add(Map.of("dayOfWeek", day.name(), "opens", hhmm(from), "closes", hhmm(to % 1440)));
        if (to <= 1440) {
            periods.add(new Period(day, from, to));
        } else {
            periods.add(new Period(day, from, 1440));
            periods.add(new Period(day.plus(1), 0, to - 1440));
        }
    }

    private void consumers(int count) {
        for (int i = 0; i < count; i++) {
            consumers.add(new Consumer(uuid(), FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]));
        }
    }

    /** Consumers order at different rates (a few order a lot) and mostly from their three favourite restaurants. */
    private void orders(int count) {
        double[] cumulative = new double[consumers.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += 1 / Math.pow(i + 1, 0.5);
            cumulative[i] = total;
        }
        Map<String, List<Restaurant>> favourites = new HashMap<>();
        for (Consumer consumer : consumers) {
            List<Restaurant> three = new ArrayList<>();
            for (int f = 0; f < 3; f++) {
                three.add(restaurants.get(random.nextInt(restaurants.size())));
            }
            favourites.put(consumer.id(), three);
        }
        for (int i = 0; i < count; i++) {
            double pick = random.nextDouble() * total;
            int index = java.util.Arrays.binarySearch(cumulative, pick);
            Consumer consumer = consumers.get(index >= 0 ? index : Math.min(-index - 1, consumers.size() - 1));
            Restaurant restaurant = random.nextDouble() < 0.7
                ? favourites.get(consumer.id()).get(random.nextInt(3))
                : restaurants.get(random.nextInt(restaurants.size()));
            List<String> items = new ArrayList<>();
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                items.add(restaurant.dishes().get(random.nextInt(restaurant.dishes().size())));
            }
            Instant createdAt = FIRST_ORDER.plusSeconds((long) (random.nextDouble() * YEAR_SECONDS));
            double outcome = random.nextDouble();
            String status = outcome < 0.80 ? "APPROVED" : outcome < 0.85 ? "APPROVAL_PENDING" : outcome < 0.90 ? "REJECTED" : "CANCELLED";
            long orderVersion = switch (status) {
                case "APPROVAL_PENDING" -> 1;
                case "CANCELLED" -> 3;
                default -> 2;
            };
            Order order = new Order(uuid(), consumer.id(), consumer.name(), restaurant.id(), restaurant.name(), status, List.copyOf(items),
                createdAt, orderVersion, 1, 1);
            orders.add(order);
            Map<String, Integer> words = wordsByConsumer.computeIfAbsent(consumer.id(), id -> new TreeMap<>());
            Set<String> inOrder = new LinkedHashSet<>(words(restaurant.name()));
            items.forEach(item -> inOrder.addAll(words(item)));
            inOrder.forEach(word -> words.merge(word, 1, Integer::sum));
        }
    }

    /** Folded per consumer as the view builder's consumer-summary projection does: counts, amounts per currency, the version vector. */
    private void summaries() {
        Map<String, List<Order>> byConsumer = new LinkedHashMap<>();
        consumers.forEach(consumer -> byConsumer.put(consumer.id(), new ArrayList<>()));
        orders.forEach(order -> byConsumer.get(order.consumerId()).add(order));
        for (Consumer consumer : consumers) {
            List<Order> theirs = byConsumer.get(consumer.id());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("consumerId", consumer.id());
            summary.put("name", consumer.name());
            summary.put("ordersPlaced", theirs.size());
            summary.put("ordersApproved", theirs.stream().filter(order -> order.status().equals("APPROVED")).count());
            summary.put("ordersRejected", theirs.stream().filter(order -> order.status().equals("REJECTED")).count());
            summary.put("ordersCancelled", theirs.stream().filter(order -> order.status().equals("CANCELLED")).count());
            summary.put("ordersDelivered", theirs.stream().filter(order -> order.status().equals("APPROVED"))
                .filter(order -> order.createdAt().isBefore(Instant.parse("2026-11-25T00:00:00Z"))).count());
            BigDecimal spent = theirs.stream().filter(order -> order.status().equals("APPROVED"))
                .map(order -> new BigDecimal("12.50").multiply(BigDecimal.valueOf(order.items().size()))).reduce(BigDecimal.ZERO, BigDecimal::add);
            summary.put("totalSpent", theirs.isEmpty() ? List.of() : List.of(Map.of("amount", spent.setScale(2).toPlainString(), "currency", "USD")));
            theirs.stream().map(Order::createdAt).max(Instant::compareTo).ifPresent(last -> summary.put("lastOrderAt", last.toString()));
            Map<String, Long> versions = new TreeMap<>();
            versions.put("consumer:" + consumer.id(), 1L);
            theirs.forEach(order -> versions.put("order:" + order.orderId(), order.orderVersion()));
            summary.put("sourceVersions", versions);
            summaries.add(summary);
        }
    }

    /** Writes every view where the view builder writes it, positions included, and refreshes the indexes. */
    void load() {
        java.util.concurrent.CompletableFuture<Void> elasticsearch = java.util.concurrent.CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            for (int from = 0; from < orders.size(); from += 5000) {
                Views.orderHistory(orders.subList(from, Math.min(orders.size(), from + 5000)));
            }
            Views.restaurants(restaurants.stream().map(Restaurant::document).toList());
            System.out.printf(Locale.ROOT, "  Elasticsearch views written in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }, task -> Thread.ofPlatform().name("load-elasticsearch").start(task));
        long start = System.nanoTime();
        MongoCollection<Document> details = mongo("order_details_v1");
        List<Document> batch = new ArrayList<>();
        for (Order order : orders) {
            batch.add(stored(order.orderId(), order.details()));
            if (batch.size() == 1000) {
                details.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            details.insertMany(batch);
        }
        summaries.forEach(Views::consumerSummary);
        Instant now = Instant.now();
        for (String type : QueryApiStack.AGGREGATE_TYPES) {
            for (int partition = 0; partition < QueryApiStack.PARTITIONS; partition++) {
                Views.position(QueryApiStack.topic(type), partition, 0, now.minusSeconds(1), now, 40L, now);
            }
        }
        System.out.printf(Locale.ROOT, "  MongoDB views and positions written in %.1f s%n", (System.nanoTime() - start) / 1e9);
        elasticsearch.join();
        QueryApiStack.elasticsearch().refresh(QueryApiStack.alias("order-history"));
        QueryApiStack.elasticsearch().refresh(QueryApiStack.alias("available-restaurants"));
    }

    static MongoCollection<Document> mongo(String collection) {
        return QueryApiStack.database().getCollection(QueryApiStack.NAME_PREFIX.replace('-', '_') + collection);
    }

    /** As {@link Views#mongoView} stores a document (the JSON, {@code _id}, a revision), for a batched insert. */
    private static Document stored(String id, Map<String, Object> document) {
        return Document.parse(Http.JSON.writeValueAsString(document)).append("_id", id).append("_rev", 1L);
    }

    /** The words the standard analyser makes of a name. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** A random (version 4) UUID from the seeded random, so that a run's ids are the same every time. */
    private String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }

    private static String hhmm(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    int openPeriods() {
        return restaurants.stream().mapToInt(restaurant -> restaurant.periods().size()).sum();
    }
}
