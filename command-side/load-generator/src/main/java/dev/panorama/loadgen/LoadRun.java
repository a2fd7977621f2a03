package dev.panorama.loadgen;

import dev.panorama.loadgen.CommandApi.Accepted;
import dev.panorama.loadgen.CommandApi.Refused;
import dev.panorama.loadgen.World.ConsumerRef;
import dev.panorama.loadgen.World.RestaurantRef;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One run: creates the restaurants and consumers, then sends orders through their life cycle (create,
 * sometimes revise, approve / reject / cancel, then the delivery's steps), with renames and menu
 * revisions that fan out to many view documents. Each journey draws from its own seeded random source,
 * so the same seed sends the same commands whatever the interleaving.
 */
final class LoadRun {

    /** How long an order for a new restaurant is retried while the order service has not yet seen the restaurant. */
    private static final Duration MENU_PROPAGATION = Duration.ofSeconds(30);

    private final LoadOptions options;
    private final CommandApi api;
    private final RunStats stats;
    private final PrintStream out;
    private final long nonce;

    LoadRun(LoadOptions options, CommandApi api, RunStats stats, PrintStream out) {
        this.options = options;
        this.api = api;
        this.stats = stats;
        this.out = out;
        this.nonce = options.runId();
    }

    void run() {
        World world = options.workload() == LoadOptions.Workload.CONSUMERS ? null : createWorld();
        Instant deadline = options.duration() == null ? Instant.MAX : Instant.now().plus(options.duration());
        long journeys = options.duration() == null ? options.orders() : Long.MAX_VALUE;
        Semaphore inFlight = new Semaphore(options.concurrency());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long index = 0; index < journeys && Instant.now().isBefore(deadline); index++) {
                inFlight.acquireUninterruptibly();
                long journey = index;
                executor.execute(() -> {
                    try {
                        if (world == null) {
                            consumerJourney(journey);
                        } else {
                            orderJourney(world, journey);
                        }
                    } catch (Refused refused) {
                        // Counted where it happened; the journey ends there.
                    } finally {
                        stats.journeyDone();
                        inFlight.release();
                    }
                });
            }
        }
    }

    private World createWorld() {
        List<RestaurantRef> restaurants = new ArrayList<>();
        for (int i = 0; i < options.restaurants(); i++) {
            SplittableRandom random = random("restaurant", i);
            Map<String, Object> body = FtgoData.restaurant(random);
            Accepted created = api.create(Command.CREATE_RESTAURANT, "/restaurants", body, key("restaurant", i), "restaurantId");
            restaurants.add(new RestaurantRef(created.id(), Instant.now(), new AtomicReference<>(FtgoData.menuOf(body))));
        }
        List<ConsumerRef> consumers = new ArrayList<>();
        for (int i = 0; i < options.consumers(); i++) {
            SplittableRandom random = random("consumer", i);
            Map<String, Object> body = FtgoData.consumer(random, Long.toUnsignedString(nonce, 36) + "-" + i);
            Accepted created = api.create(Command.REGISTER_CONSUMER, "/consumers", body, key("consumer", i), "consumerId");
            @SuppressWarnings("unchecked")
            Map<String, Object> address = (Map<String, Object>) body.get("address");
            consumers.add(new ConsumerRef(created.id(), address));
        }
        out.printf("created %d restaurants and %d consumers%n", restaurants.size(), consumers.size());
        return new World(List.copyOf(consumers), List.copyOf(restaurants));
    }

    private void orderJourney(World world, long journey) {
        SplittableRandom random = random("order", journey);
        ConsumerRef consumer = world.consumers().get(random.nextInt(world.consumers().size()));
        RestaurantRef restaurant = world.restaurants().get(random.nextInt(world.restaurants().size()));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("consumerId", consumer.id());
        order.put("restaurantId", restaurant.id());
        order.put("lineItems", lineItems(random, restaurant.menu().get()));
        order.put("deliveryAddress", consumer.address());
        order.put("deliverAt", Instant.now().plus(Duration.ofMinutes(45)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        String orderId = createOrder(restaurant, order, key("order", journey)).id();
        String path = "/orders/" + orderId;

        if (random.nextInt(100) < 15) {
            api.put(Command.REVISE_ORDER, path + "/line-items", Map.of("lineItems", lineItems(random, restaurant.menu().get())), "orderId");
        }
        int outcome = random.nextInt(100);
        if (outcome < 70) {
            api.post(Command.APPROVE_ORDER, path + "/approve", null, "orderId");
            if (random.nextInt(100) < 5) {
                api.post(Command.CANCEL_ORDER, path + "/cancel", Map.of("reason", "The consumer changed their mind."), "orderId");
            } else {
                deliver(random, orderId, restaurant.id(), consumer.address(), journey);
            }
        } else if (outcome < 85) {
            api.post(Command.REJECT_ORDER, path + "/reject", Map.of("reason", "The kitchen is too busy."), "orderId");
        } else {
            api.post(Command.CANCEL_ORDER, path + "/cancel", Map.of("reason", "Ordered by mistake."), "orderId");
        }
        fanOut(random, world, consumer, restaurant, journey);
    }

    /** Renames and menu revisions now and then: each touches every view document of that consumer or restaurant. */
    private void fanOut(SplittableRandom random, World world, ConsumerRef consumer, RestaurantRef restaurant, long journey) {
        if (journey % 20 == 19) {
            api.put(Command.RENAME_CONSUMER, "/consumers/" + consumer.id() + "/name", FtgoData.consumerName(random), "consumerId");
        }
        if (journey % 40 == 39) {
            api.put(Command.RENAME_RESTAURANT, "/restaurants/" + restaurant.id() + "/name", Map.of("name", FtgoData.restaurantName(random)), "restaurantId");
        }
        if (journey % 60 == 59) {
            List<Map<String, Object>> revised = FtgoData.repriced(random, restaurant.menu().get());
            api.put(Command.REVISE_MENU, "/restaurants/" + restaurant.id() + "/menu", Map.of("items", revised), "restaurantId");
            restaurant.menu().set(revised);
        }
        if (journey % 80 == 79) {
            api.put(Command.CHANGE_CONSUMER_ADDRESS, "/consumers/" + consumer.id() + "/address", FtgoData.address(random), "consumerId");
        }
    }

    private Accepted createOrder(RestaurantRef restaurant, Map<String, Object> order, String idempotencyKey) {
        long backoffMillis = 100;
        while (true) {
            try {
                return api.createUncounted(Command.CREATE_ORDER, "/orders", order, idempotencyKey, "orderId");
            } catch (Refused refused) {
                boolean youngRestaurant = Instant.now().isBefore(restaurant.createdAt().plus(MENU_PROPAGATION));
                if (!CommandApi.ruleViolation(refused) || !youngRestaurant) {
                    // Counted once, when it is given up on: a refusal tried again and then accepted is no failure.
                    stats.failed(Command.CREATE_ORDER, refused.why());
                    throw refused;
                }
                stats.retried();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
                backoffMillis = Math.min(backoffMillis * 2, 2_000);
            }
        }
    }

    private void deliver(SplittableRandom random, String orderId, String restaurantId, Map<String, Object> address, long journey) {
        Map<String, Object> delivery = Map.of("orderId", orderId, "restaurantId", restaurantId, "deliveryAddress", address,
            "readyBy", Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        String deliveryId = api.create(Command.SCHEDULE_DELIVERY, "/deliveries", delivery, key("delivery", journey), "deliveryId").id();
        String path = "/deliveries/" + deliveryId;
        int courier = random.nextInt(50);
        api.post(Command.ASSIGN_COURIER, path + "/courier", Map.of("courierId", "courier-" + courier, "courierName", "Courier " + courier), "deliveryId");
        api.post(Command.PICK_UP_DELIVERY, path + "/pickup", null, "deliveryId");
        api.post(Command.MARK_DELIVERED, path + "/delivered", null, "deliveryId");
    }

    /** The single-service workload: register a consumer, then rename it twice and move it once. */
    private void consumerJourney(long journey) {
        SplittableRandom random = random("consumer", journey);
        Map<String, Object> body = FtgoData.consumer(random, Long.toUnsignedString(nonce, 36) + "-" + journey);
        String path = "/consumers/" + api.create(Command.REGISTER_CONSUMER, "/consumers", body, key("consumer", journey), "consumerId").id();
        api.put(Command.RENAME_CONSUMER, path + "/name", FtgoData.consumerName(random), "consumerId");
        api.put(Command.RENAME_CONSUMER, path + "/name", FtgoData.consumerName(random), "consumerId");
        api.put(Command.CHANGE_CONSUMER_ADDRESS, path + "/address", FtgoData.address(random), "consumerId");
    }

    private static List<Map<String, Object>> lineItems(SplittableRandom random, List<Map<String, Object>> menu) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> choices = new ArrayList<>(menu);
        int count = 1 + random.nextInt(Math.min(4, choices.size()));
        for (int i = 0; i < count; i++) {
            Map<String, Object> item = choices.remove(random.nextInt(choices.size()));
            items.add(Map.of("menuItemId", item.get("menuItemId"), "quantity", 1 + random.nextInt(3)));
        }
        return items;
    }

    /** A random source per entity, from the seed alone: independent of thread scheduling. */
    private SplittableRandom random(String kind, long index) {
        return new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + kind.hashCode() * 31L + index);
    }

    /** Idempotency keys are unique per run (the nonce) and stable across retries within it. */
    private String key(String kind, long index) {
        return new UUID(nonce, (long) kind.hashCode() << 32 ^ index).toString();
    }
}
