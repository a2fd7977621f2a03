package dev.panorama.queryapi.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import dev.panorama.queryapi.adapter.out.kafka.KafkaDeadLetters;
import dev.panorama.queryapi.application.admin.DeadLetterAdministration;
import dev.panorama.queryapi.application.admin.ViewVersionAdministration;
import dev.panorama.queryapi.application.port.out.ViewVersionRegistry;
import dev.panorama.views.adapter.VersionedViewStores;
import dev.panorama.views.adapter.kafka.Redrive;
import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.runtime.ViewVersions;
import dev.panorama.views.versions.VersionSwitch;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The admin operations, on the code the view builder's {@code redrive} command and the rebuild tool's
 * {@code switch} and {@code rollback} commands run: the same refusals, the same offsets, the same registry.
 */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    DeadLetterAdministration deadLetterAdministration(KafkaProperties kafka, QueryApiProperties properties) {
        Redrive redrive = new Redrive(String.join(",", kafka.getBootstrapServers()), properties.deadLetters().topic(), properties.redriveGroup());
        return new DeadLetterAdministration(new KafkaDeadLetters(redrive), properties.deadLetters().maxScanned());
    }

    @Bean
    ViewVersionAdministration viewVersionAdministration(ElasticsearchClient elasticsearch, MongoDatabase database, ViewVersions viewVersions,
                                                        ViewVersionRegistry registry, QueryApiProperties properties, Clock clock) {
        VersionSwitch versionSwitch = new VersionSwitch(ViewCatalog.ftgo(), viewVersions,
            new VersionedViewStores(elasticsearch, database, properties.namePrefix()), clock);
        return new ViewVersionAdministration(versionSwitch, registry);
    }
}
