package dev.panorama.loadgen;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.postgres.PostgresEngine;
import dev.panorama.servicetesting.TopicRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The generator against the four real command services, each from its packaged jar in a JVM of its own,
 * over real PostgreSQL and Kafka: every command it counts as succeeded is one event on the services'
 * topics, and the same seed sends the same commands.
 */
class LoadGeneratorIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(LoadGeneratorIT.class);
    private static final List<String> SERVICES = List.of("consumer-service", "restaurant-service", "order-service", "delivery-service");
    private static List<ServiceJvm> running = List.of();
    private static Map<String, URI> addresses;

    @BeforeAll
    static void startServices() {
        PostgresEngine postgres = Engines.shared().postgres();
        KafkaEngine kafka = Engines.shared().kafka();
        String database = NAMESPACE.database("ftgo");
        postgres.createDatabase(database);
        for (String topic : List.of("consumer", "restaurant", "order", "delivery")) {
            kafka.createTopic("ftgo." + topic + ".events", 3);
        }
        Map<String, String> environment = Map.of(
            "POSTGRES_HOST", postgres.host(), "POSTGRES_PORT", Integer.toString(postgres.port()), "POSTGRES_DB", database,
            "POSTGRES_USER", postgres.username(), "POSTGRES_PASSWORD", postgres.password(),
            "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        Path logs = Path.of("target", "it-logs", "load-generator");
        List<CompletableFuture<ServiceJvm>> starting = SERVICES.stream().map(service -> ServiceJvm.start(service, environment, logs)).toList();
        running = starting.stream().map(CompletableFuture::join).toList();
        addresses = running.stream().collect(Collectors.toMap(ServiceJvm::name, ServiceJvm::uri));
    }

    @AfterAll
    static void stopServices() {
        running.forEach(ServiceJvm::close);
    }

    @Test
    void everySucceededCommandIsOneEventOnTheServicesTopics() {
        Map<String, Long> before = publishedEventTypes();
        RunStats stats = run(42, 40, 1);

        assertThat(stats.failures()).isEmpty();
        assertThat(stats.journeys()).isEqualTo(40);
        assertThat(stats.succeeded(Command.CREATE_ORDER)).isEqualTo(40);
        Map<Command, String> eventOf = new EnumMap<>(Map.ofEntries(
            Map.entry(Command.REGISTER_CONSUMER, "consumer.ConsumerRegistered"),
            Map.entry(Command.CREATE_RESTAURANT, "restaurant.RestaurantCreated"),
            Map.entry(Command.CREATE_ORDER, "order.OrderCreated"),
            Map.entry(Command.APPROVE_ORDER, "order.OrderApproved"),
            Map.entry(Command.REJECT_ORDER, "order.OrderRejected"),
            Map.entry(Command.CANCEL_ORDER, "order.OrderCancelled"),
            Map.entry(Command.SCHEDULE_DELIVERY, "delivery.DeliveryScheduled"),
            Map.entry(Command.ASSIGN_COURIER, "delivery.CourierAssigned"),
            Map.entry(Command.PICK_UP_DELIVERY, "delivery.DeliveryPickedUp"),
            Map.entry(Command.MARK_DELIVERED, "delivery.DeliveryDelivered")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> published = publishedEventTypes();
            eventOf.forEach((command, eventType) ->
                assertThat(published.getOrDefault(eventType, 0L) - before.getOrDefault(eventType, 0L)).as(eventType)
                    .isEqualTo(stats.succeeded(command)));
        });
        assertThat(stats.succeeded(Command.APPROVE_ORDER) + stats.succeeded(Command.REJECT_ORDER)
            + stats.succeeded(Command.CANCEL_ORDER)).isGreaterThanOrEqualTo(40);
        assertThat(stats.succeeded(Command.MARK_DELIVERED)).isPositive();
    }

    @Test
    void theSameSeedSendsTheSameCommands() {
        RunStats first = run(7, 15, 2);
        RunStats second = run(7, 15, 3);

        assertThat(first.failures()).isEmpty();
        assertThat(second.failures()).isEmpty();
        for (Command command : Command.values()) {
            assertThat(second.succeeded(command)).as(command.name()).isEqualTo(first.succeeded(command));
        }
    }

    private static RunStats run(long seed, int orders, long runId) {
        LoadOptions options = new LoadOptions(addresses, LoadOptions.Workload.FTGO, seed, orders, null, 0, 6, 3, 4,
            Duration.ofSeconds(20), runId);
        RunStats stats = new RunStats();
        long start = System.nanoTime();
        new LoadRun(options, new CommandApi(options.services(), Pacer.perSecond(0), stats, options.timeout()), stats,
            new PrintStream(OutputStream.nullOutputStream())).run();
        stats.printSummary(System.out, Duration.ofNanos(System.nanoTime() - start));
        return stats;
    }

    private static Map<String, Long> publishedEventTypes() {
        KafkaEngine kafka = Engines.shared().kafka();
        return List.of("consumer", "restaurant", "order", "delivery").stream()
            .flatMap(aggregate -> new TopicRecords(kafka, "ftgo." + aggregate + ".events").all().stream())
            .collect(Collectors.groupingBy(record -> record.value().get("eventType").asString(), Collectors.counting()));
    }

}
