package dev.panorama.snapshot.spring;

import dev.panorama.snapshot.jdbc.PostgresSnapshotExporter;
import dev.panorama.snapshot.jdbc.SnapshotSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * {@code GET /snapshot} for a Spring Boot service, with {@code @Import(SnapshotConfiguration.class)} and a
 * {@link SnapshotSource} bean. The header names the service by {@code spring.application.name}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
public class SnapshotConfiguration {

    /** The plain data source, not a transaction-aware proxy: the export runs its own transaction. */
    @Bean
    PostgresSnapshotExporter snapshotExporter(DataSource dataSource, SnapshotSource source, SnapshotProperties properties,
                                              @Value("${spring.application.name}") String service) {
        return new PostgresSnapshotExporter(dataSource, service, source, properties.fetchSize());
    }

    @Bean
    SnapshotController snapshotController(PostgresSnapshotExporter exporter) {
        return new SnapshotController(exporter);
    }
}
