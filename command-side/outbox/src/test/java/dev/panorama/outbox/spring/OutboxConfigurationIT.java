package dev.panorama.outbox.spring;

import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.postgres.PostgresEngine;
import dev.panorama.outbox.Outbox;
import dev.panorama.outbox.OutboxDatabase;
import dev.panorama.outbox.OutboxEvent;
import dev.panorama.outbox.TopicReader;
import dev.panorama.outbox.TopicResolver;
import dev.panorama.outbox.TopicReader.Published;
import dev.panorama.outbox.jdbc.NotifyChannel;
import dev.panorama.outbox.jdbc.PostgresOutboxFeed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

import static dev.panorama.outbox.OutboxEventBuilder.orderEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/** A Spring Boot service that imports {@link OutboxConfiguration} and sets a few properties. */
@RealEngines
class OutboxConfigurationIT {

    @Test
    void writesInTheSpringTransactionAndRelaysWhatCommits(PostgresEngine postgres, KafkaEngine kafka, TestNamespace namespace) {
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("spring"));
        String topic = namespace.topic("spring");
        kafka.createTopic(topic, 1);
        OutboxEvent committed = orderEvent("order-a", 1);

        runner(database, kafka)
            .withPropertyValues("panorama.outbox.topics.order=" + topic)
            .run(context -> {
                Outbox outbox = context.getBean(Outbox.class);
                TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

                transaction.executeWithoutResult(status -> {
                    outbox.append(orderEvent("order-rolled-back", 1));
                    status.setRollbackOnly();
                });
                transaction.executeWithoutResult(status -> outbox.append(committed));
                assertThatIllegalStateException()
                    .as("outside a transaction the event would commit on its own")
                    .isThrownBy(() -> outbox.append(orderEvent("order-b", 1)));

                await().atMost(Duration.ofSeconds(15)).until(() -> database.count("published_at is not null") == 1);
                assertThat(new TopicReader(kafka, topic).all()).extracting(Published::eventId)
                    .containsExactly(committed.eventId().toString());
                assertThat(database.count("true")).isEqualTo(1);
                assertThat(context.getBean(MeterRegistry.class).get("panorama.outbox.published").counter().count()).isEqualTo(1);
            });

        try (PostgresOutboxFeed feed = new PostgresOutboxFeed(database.dataSource(), NotifyChannel.DEFAULT)) {
            // The server releases the lock as soon as it has ended the closed session.
            await("the relay lets go of the lock when the context closes").atMost(Duration.ofSeconds(5)).until(feed::lead);
        }
    }

    @Test
    void onlyWritesWhenTheRelayIsDisabledUsingTheServicesTopicResolver(PostgresEngine postgres, KafkaEngine kafka, TestNamespace namespace) {
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("writeonly"));

        runner(database, kafka)
            .withPropertyValues("panorama.outbox.relay.enabled=false")
            .withBean(TopicResolver.class, () -> aggregateType -> "ftgo." + aggregateType + ".events")
            .run(context -> {
                assertThat(context).hasSingleBean(Outbox.class).doesNotHaveBean(OutboxRelayLifecycle.class);
                new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                    .executeWithoutResult(status -> context.getBean(Outbox.class).append(orderEvent("order-a", 1)));
            });

        assertThat(database.count("published_at is null and topic = 'ftgo.order.events'"))
            .as("written with the service's own topic resolver, and left for a relay elsewhere").isEqualTo(1);
    }

    private static ApplicationContextRunner runner(OutboxDatabase database, KafkaEngine kafka) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class))
            .withUserConfiguration(OutboxConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues(
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + database.password(),
                "panorama.outbox.relay.bootstrap-servers=" + kafka.bootstrapServers(),
                "panorama.outbox.relay.poll-interval=1s");
    }
}
