package dev.panorama.consumer.adapter.out.persistence;

import dev.panorama.consumer.application.port.out.ConsumerRepository;
import dev.panorama.consumer.application.port.out.IdempotencyKeys;
import dev.panorama.snapshot.jdbc.SnapshotSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    ConsumerRepository consumerRepository(ConsumerRowRepository rows) {
        return new JdbcConsumerRepository(rows);
    }

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc) {
        return new JdbcIdempotencyKeys(jdbc);
    }

    @Bean
    SnapshotSource consumerSnapshotSource() {
        return new JdbcConsumerSnapshotSource();
    }
}
