package dev.panorama.outbox.spring;

import dev.panorama.outbox.Outbox;
import dev.panorama.outbox.TopicResolver;
import dev.panorama.outbox.jdbc.JdbcOutbox;
import dev.panorama.outbox.jdbc.NotifyChannel;
import dev.panorama.outbox.jdbc.PostgresOutboxFeed;
import dev.panorama.outbox.kafka.KafkaEventPublisher;
import dev.panorama.outbox.micrometer.MicrometerOutboxMetrics;
import dev.panorama.outbox.relay.OutboxMetrics;
import dev.panorama.outbox.relay.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The outbox for a Spring Boot service, with {@code @Import(OutboxConfiguration.class)}: an
 * {@link Outbox} that joins the current Spring transaction, and, unless
 * {@code panorama.outbox.relay.enabled=false}, a relay running while the context runs. The service
 * adds {@code classpath:db/outbox} to {@code spring.flyway.locations}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    /** Topics from {@code panorama.outbox.topics.*}, unless the service defines its own {@link TopicResolver}. */
    @Bean
    Outbox outbox(DataSource dataSource, OutboxProperties properties, ObjectProvider<TopicResolver> topics) {
        // The proxy hands out the connection bound to the current transaction, which is what makes the
        // event commit or roll back with the state change.
        return new JdbcOutbox(new TransactionAwareDataSourceProxy(dataSource),
            topics.getIfAvailable(() -> TopicResolver.of(properties.topics())),
            new NotifyChannel(properties.notifyChannel()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "panorama.outbox.relay.enabled", matchIfMissing = true)
    static class RelayConfiguration {

        @Bean
        OutboxRelayLifecycle outboxRelay(DataSourceProperties dataSource, OutboxProperties properties,
                                         ObjectProvider<OutboxMetrics> metrics) {
            Map<String, Object> producerSettings = properties.relay().producerSettings();
            NotifyChannel channel = new NotifyChannel(properties.notifyChannel());
            return new OutboxRelayLifecycle(() -> new OutboxRelay(
                new PostgresOutboxFeed(sessions(dataSource), channel),
                new KafkaEventPublisher(KafkaEventPublisher.idempotentProducers(producerSettings)),
                properties.relay().settings(),
                metrics.getIfAvailable(() -> OutboxMetrics.NONE)));
        }

        /** The relay's own session, outside the pool: it holds the relay lock and a LISTEN for its whole life. */
        private static DataSource sessions(DataSourceProperties dataSource) {
            PGSimpleDataSource sessions = new PGSimpleDataSource();
            sessions.setURL(dataSource.determineUrl());
            sessions.setUser(dataSource.determineUsername());
            sessions.setPassword(dataSource.determinePassword());
            return sessions;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        OutboxMetrics outboxMetrics(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfAvailable();
            return meters == null ? OutboxMetrics.NONE : new MicrometerOutboxMetrics(meters);
        }
    }
}
