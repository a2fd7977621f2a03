package dev.panorama.viewbuilder.scenario;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.viewbuilder.ViewBuilderApplication;
import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.EnvelopeJson;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.projection.States;
import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.projection.ViewDocument;
import dev.panorama.views.projection.ViewProjection;
import dev.panorama.views.adapter.kafka.Redrive;
import dev.panorama.views.state.AggregateState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One percent poison in a 6 000-event stream: events that break their schema, events of a schema
 * version this release does not know, and orders that the order-history projection of this release
 * fails on (a bug, injected). Every valid event is applied; every poison one lands in the dead-letter
 * topic with its reason, and the events of the same aggregates behind them are parked there too. Then
 * the fix: the producer republishes the broken events correctly, a release without the bug runs, and
 * the parked and failed letters are redriven; every view then equals the oracle's.
 */
@SpringBootTest(classes = {ViewBuilderApplication.class, PoisonScenarioIT.ReleaseWithABug.class})
class PoisonScenarioIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(PoisonScenarioIT.class);
    private static final Engines ENGINES = Engines.shared();
    /** The bug: the order-history projection throws on these orders, until the fixed release is out. */
    private static final Set<String> ORDERS_THE_BUG_HITS = ConcurrentHashMap.newKeySet();
    private static Scenario scenario;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        scenario = new Scenario(ENGINES, NAMESPACE);
        scenario.builderProperties().forEach((key, value) -> registry.add(key, () -> value));
        // Each projection failure is logged with its stack; here they are expected by the dozen.
        registry.add("logging.level.dev.panorama.viewbuilder.adapter.kafka.EventBatchListener", () -> "off");
    }

    @AfterAll
    static void close() throws IOException {
        scenario.close();
    }

    @Test
    void poisonIsDeadLetteredWithItsReasonAndConvergesAfterTheFixAndARedrive() throws Exception {
        long begin = System.nanoTime();
        List<DomainEvent> story = FtgoStory.generate(51, 150, 15, 1_400);
        Random random = new Random(51);
        Map<Integer, String> poisoned = choosePoison(story, random);
        story.stream().filter(event -> event instanceof DomainEvent.OrderCreated).skip(7).limit(poisoned.size() / 4 + 1)
            .forEach(event -> ORDERS_THE_BUG_HITS.add(event.metadata().aggregateId()));
        List<Scenario.Record> published = new ArrayList<>();
        for (int i = 0; i < story.size(); i++) {
            published.add(poisoned.containsKey(i) ? poison(story.get(i), poisoned.get(i)) : Scenario.Record.of(story.get(i)));
        }
        Map<String, Long> parkedExpected = parkedBehind(story, poisoned);

        scenario.send(published);
        awaitAllCommitted();
        List<ConsumerRecord<String, byte[]>> letters = scenario.deadLetters();
        Map<String, Long> byReason = letters.stream().collect(Collectors.groupingBy(letter -> Scenario.header(letter, "panorama-dlq-reason"),
            TreeMap::new, Collectors.counting()));
        Map<String, String> reasonOfEvent = new HashMap<>();
        letters.forEach(letter -> reasonOfEvent.put(eventId(letter), Scenario.header(letter, "panorama-dlq-reason")));
        int diffsBeforeFix = scenario.compare(Oracle.states(story)).diffs();

        assertThat(letters).allSatisfy(letter -> assertThat(Scenario.header(letter, "panorama-dlq-detail")).isNotBlank());
        poisoned.forEach((index, reason) -> assertThat(reasonOfEvent.get(story.get(index).metadata().eventId().toString()))
            .as("dead letter of poison event " + index).isEqualTo(reason));
        assertThat(byReason.get("PARKED")).isEqualTo(parkedExpected.values().stream().mapToLong(Long::longValue).sum());
        assertThat(byReason.get("PROJECTION_FAILED")).isGreaterThanOrEqualTo(ORDERS_THE_BUG_HITS.size());
        story.stream().filter(event -> event instanceof DomainEvent.OrderCreated && ORDERS_THE_BUG_HITS.contains(event.metadata().aggregateId()))
            .forEach(created -> assertThat(reasonOfEvent.get(created.metadata().eventId().toString())).isEqualTo("PROJECTION_FAILED"));

        // The fix: the fixed release runs, the producer republishes what it had sent broken, and the letters are redriven.
        int ordersTheBugHit = ORDERS_THE_BUG_HITS.size();
        ORDERS_THE_BUG_HITS.clear();
        scenario.publish(poisoned.keySet().stream().sorted().map(story::get).toList());
        awaitAllCommitted();
        Redrive redrive = new Redrive(ENGINES.kafka().bootstrapServers(), scenario.deadLetterTopic(), NAMESPACE.group("redrive"));
        Map<String, Integer> redriven = new TreeMap<>(redrive.run(Optional.of("PARKED"), false, quiet()));
        redriven.putAll(redrive.run(Optional.of("PROJECTION_FAILED"), false, quiet()));
        Scenario.Comparison comparison = scenario.awaitConverged(story, Duration.ofMinutes(3));
        int lettersAfter = scenario.deadLetters().size();

        System.out.printf("PoisonScenarioIT: %,d events, %d poison (%s) + %d orders hit by a projection bug, dead letters %s, "
                + "%,d documents differed before the fix, redriven %s, %,d documents compared, %d diffs, %d new dead letters, %.1f s%n",
            story.size(), poisoned.size(), poisoned.values().stream().collect(Collectors.groupingBy(reason -> reason, TreeMap::new,
                Collectors.counting())), ordersTheBugHit, byReason,
            diffsBeforeFix, redriven, comparison.documents(), comparison.diffs(), lettersAfter - letters.size(), (System.nanoTime() - begin) / 1e9);
        assertThat(comparison.diffs()).isZero();
        assertThat(lettersAfter).as("dead letters after the redrive").isEqualTo(letters.size());
        assertThat(redriven.get("PARKED")).isEqualTo(byReason.get("PARKED").intValue());
    }

    private static void awaitAllCommitted() {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Scenario.Progress progress = scenario.progress();
            return progress.committed() >= progress.end();
        });
    }

    /** About 1 % of the events, at most one per aggregate: half broken against the schema, half of an unknown version. */
    private static Map<Integer, String> choosePoison(List<DomainEvent> story, Random random) {
        Map<Integer, String> poisoned = new TreeMap<>();
        Set<String> aggregates = new HashSet<>();
        while (poisoned.size() < story.size() / 100) {
            int index = random.nextInt(story.size());
            if (aggregates.add(story.get(index).metadata().source().toString())) {
                poisoned.put(index, poisoned.size() % 2 == 0 ? "INVALID_PAYLOAD" : "UNKNOWN_SCHEMA_VERSION");
            }
        }
        return poisoned;
    }

    private static Scenario.Record poison(DomainEvent event, String reason) {
        ObjectNode envelope = EnvelopeJson.tree(event);
        if (reason.equals("INVALID_PAYLOAD")) {
            ((ObjectNode) envelope.get("payload")).put(event.metadata().aggregateType() + "Id", "not-a-uuid");
        } else {
            envelope.put("schemaVersion", 99);
        }
        return new Scenario.Record(event.metadata().aggregateType(), event.metadata().aggregateId(),
            envelope.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Per poisoned aggregate, how many of its events come after the poison one: they must wait for it. */
    private static Map<String, Long> parkedBehind(List<DomainEvent> story, Map<Integer, String> poisoned) {
        Map<String, Long> parked = new HashMap<>();
        Map<String, Long> poisonVersion = new HashMap<>();
        poisoned.keySet().forEach(index -> poisonVersion.put(story.get(index).metadata().source().toString(),
            story.get(index).metadata().aggregateVersion()));
        for (DomainEvent event : story) {
            Long version = poisonVersion.get(event.metadata().source().toString());
            if (version != null && event.metadata().aggregateVersion() > version) {
                parked.merge(event.metadata().source().toString(), 1L, Long::sum);
            }
        }
        return parked;
    }

    private static String eventId(ConsumerRecord<String, byte[]> letter) {
        try {
            return DocumentJson.MAPPER.readTree(letter.value()).path("eventId").asString();
        } catch (RuntimeException e) {
            return "unreadable-" + letter.offset();
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    /** The deployed wiring, except that the order-history projection has the bug. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ReleaseWithABug {

        @Bean
        @Primary
        ViewCatalog viewCatalogWithABug() {
            List<ViewCatalog.Entry> entries = new ArrayList<>();
            for (String view : ViewCatalog.ftgo().views()) {
                ViewCatalog.ftgo().versions(view).forEach(entry -> entries.add(view.equals(OrderHistoryProjection.VIEW)
                    ? new ViewCatalog.Entry(entry.version(), new WithABug<>(entry.projection()), entry.sink()) : entry));
            }
            return new ViewCatalog(entries);
        }
    }

    /** A projection that throws on the orders the bug hits. */
    private record WithABug<D extends ViewDocument>(ViewProjection<D> projection) implements ViewProjection<D> {

        @Override
        public String view() {
            return projection.view();
        }

        @Override
        public Set<String> sourceTypes() {
            return projection.sourceTypes();
        }

        @Override
        public Set<String> affectedDocuments(AggregateState changed, States states) {
            return projection.affectedDocuments(changed, states);
        }

        @Override
        public Optional<D> render(String documentId, States states) {
            if (ORDERS_THE_BUG_HITS.contains(documentId)) {
                throw new IllegalStateException("cannot render order " + documentId);
            }
            return projection.render(documentId, states);
        }
    }
}
