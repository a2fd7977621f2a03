package dev.panorama.viewbuilder.redrive;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.viewbuilder.ViewBuilderApplication;
import dev.panorama.views.adapter.kafka.Redrive;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.EnvelopeJson;
import dev.panorama.views.fixtures.Events;
import dev.panorama.viewbuilder.ViewBuilderTestProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event that arrives before its predecessor is parked in the dead-letter topic; once the
 * predecessor is there, a redrive brings it back and the views converge.
 */
@SpringBootTest(classes = ViewBuilderApplication.class)
class RedriveIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(RedriveIT.class);
    private static final String TOPIC_PREFIX = ViewBuilderTestProperties.topicPrefix(NAMESPACE);
    private static final String DEAD_LETTERS = ViewBuilderTestProperties.deadLetterTopic(NAMESPACE);
    private static final String ORDER = "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f";
    private static final Engines ENGINES = Engines.shared();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        ViewBuilderTestProperties.register(registry, ENGINES, NAMESPACE);
        ENGINES.kafka().createTopic(DEAD_LETTERS, 2);
    }

    @Autowired
    private MongoClient mongo;

    @Test
    void aParkedEventAppliesAfterItsPredecessorArrivesAndItIsRedriven() {
        Events events = new Events();
        DomainEvent created = events.orderCreated(ORDER, "6e7f8091-a2b3-4c4d-9e5f-6a7b8c9d0e1f", "7f8091a2-b3c4-4d5e-8f60-7b8c9d0e1f2a", "12.00");
        DomainEvent approved = events.orderApproved(ORDER);
        Redrive redrive = new Redrive(ENGINES.kafka().bootstrapServers(), DEAD_LETTERS, NAMESPACE.group("redrive"));

        publish(approved);
        await().atMost(Duration.ofSeconds(60)).until(() -> redrive.run(Optional.of("PARKED"), true, quiet()).equals(Map.of("PARKED", 1)));
        publish(created);
        await().atMost(Duration.ofSeconds(60)).until(() -> status().equals(Optional.of("APPROVAL_PENDING")));
        assertThat(redrive.run(Optional.of("INVALID_PAYLOAD"), false, quiet())).as("nothing of another reason").isEmpty();

        assertThat(redrive.run(Optional.empty(), false, quiet())).isEqualTo(Map.of("PARKED", 1));

        await().atMost(Duration.ofSeconds(60)).until(() -> status().equals(Optional.of("APPROVED")));
        assertThat(redrive.run(Optional.empty(), false, quiet())).as("a dead letter is redriven once").isEmpty();
    }

    private Optional<String> status() {
        return Optional.ofNullable(mongo.getDatabase(NAMESPACE.database("views")).getCollection(
                ViewBuilderTestProperties.collection(NAMESPACE, "order-details"))
            .find(Filters.eq("_id", ORDER)).first()).map(document -> document.getString("status"));
    }

    private static void publish(DomainEvent event) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ENGINES.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC_PREFIX + "ftgo.order.events", ORDER, EnvelopeJson.of(event)));
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
