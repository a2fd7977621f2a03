package dev.panorama.delivery.adapter.out.persistence;

import dev.panorama.delivery.application.port.out.DeliveryRepository;
import dev.panorama.delivery.application.port.out.IdempotencyKeys;
import dev.panorama.snapshot.jdbc.SnapshotSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    DeliveryRepository deliveryRepository(DeliveryRowRepository rows) {
        return new JdbcDeliveryRepository(rows);
    }

    /** PostgreSQL's own conversions plus the jsonb timeline column. */
    @Bean
    JdbcCustomConversions jdbcCustomConversions() {
        return JdbcCustomConversions.of(JdbcPostgresDialect.INSTANCE, TimelineJsonb.converters());
    }

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc) {
        return new JdbcIdempotencyKeys(jdbc);
    }

    @Bean
    SnapshotSource deliverySnapshotSource() {
        return new JdbcDeliverySnapshotSource();
    }
}
