package dev.panorama.queryapi.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.panorama.queryapi.adapter.in.actuator.LagObserver;
import dev.panorama.queryapi.adapter.in.actuator.ViewLagHealthIndicator;
import dev.panorama.queryapi.adapter.out.CachedViewPositions;
import dev.panorama.queryapi.adapter.out.elasticsearch.ElasticsearchAppliedDocuments;
import dev.panorama.queryapi.adapter.out.elasticsearch.ElasticsearchAvailableRestaurantsReader;
import dev.panorama.queryapi.adapter.out.elasticsearch.ElasticsearchOrderHistoryReader;
import dev.panorama.queryapi.adapter.out.elasticsearch.ElasticsearchRefreshes;
import dev.panorama.queryapi.adapter.out.elasticsearch.ElasticsearchViewVersions;
import dev.panorama.queryapi.adapter.out.kafka.KafkaLogEndOffsets;
import dev.panorama.queryapi.adapter.out.mongo.MongoAppliedDocuments;
import dev.panorama.queryapi.adapter.out.mongo.MongoConsumerSummaryReader;
import dev.panorama.queryapi.adapter.out.mongo.MongoOrderDetailsReader;
import dev.panorama.queryapi.adapter.out.mongo.MongoSourceStates;
import dev.panorama.queryapi.adapter.out.mongo.MongoViewCollections;
import dev.panorama.queryapi.adapter.out.mongo.MongoViewPositions;
import dev.panorama.queryapi.adapter.out.mongo.MongoViewVersionRegistry;
import dev.panorama.queryapi.application.BatchWatch;
import dev.panorama.queryapi.application.ConsistencySettings;
import dev.panorama.queryapi.application.ReadYourWrites;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.ViewQueryService;
import dev.panorama.queryapi.application.lag.LagMonitor;
import dev.panorama.queryapi.application.lag.LagSettings;
import dev.panorama.queryapi.application.port.out.ViewPositions;
import dev.panorama.queryapi.application.port.out.ViewVersionRegistry;
import dev.panorama.views.adapter.mongo.MongoViewVersions;
import dev.panorama.views.runtime.ViewVersions;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Wires the use cases to their adapters: Elasticsearch and MongoDB views, MongoDB positions and states, Kafka log ends. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class QueryApiConfiguration {

    /** The most documents a read-your-writes check inspects for one write (a fan-out over a consumer's orders). */
    private static final int MAX_CHECKED_DOCUMENTS = 1000;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoDatabase viewDatabase(MongoClient client, QueryApiProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    MongoViewCollections mongoViewCollections(MongoDatabase database, QueryApiProperties properties) {
        return new MongoViewCollections(database, properties.namePrefix(), properties.viewVersionCacheTtl());
    }

    @Bean
    ElasticsearchViewVersions elasticsearchViewVersions(ElasticsearchClient client, QueryApiProperties properties) {
        return new ElasticsearchViewVersions(client, properties.viewVersionCacheTtl());
    }

    @Bean
    MongoViewPositions viewPositions(MongoDatabase database, QueryApiProperties properties) {
        return new MongoViewPositions(database, properties.collection("view_builder_positions"), properties.groupId());
    }

    /** Read uncached, like the positions the lag is measured from: {@code /lag} shows the registry as it is now. */
    @Bean
    ViewVersionRegistry viewVersionRegistry(MongoDatabase database, ViewVersions viewVersions, QueryApiProperties properties) {
        return new MongoViewVersionRegistry(viewVersions, database, properties.namePrefix());
    }

    /** The registry as the view builder and the rebuild tool read and write it: the lag report reads it, a switch compares-and-sets it. */
    @Bean
    ViewVersions viewVersions(MongoDatabase database, QueryApiProperties properties) {
        return new MongoViewVersions(database, properties.namePrefix());
    }

    /** Wakes waits on the MongoDB views when the view builder finished a batch; absent when {@code batch-watch-interval} is 0. */
    @Bean(destroyMethod = "close")
    BatchWatch batchWatch(MongoViewPositions positions, QueryApiProperties properties) {
        Duration interval = properties.consistency().batchWatchInterval();
        return interval.isZero() ? null : new BatchWatch(List.of(positions::lastAppliedAt), interval);
    }

    /** Wakes waits on the Elasticsearch views when a view index refreshed; absent when {@code refresh-watch-interval} is 0. */
    @Bean(destroyMethod = "close")
    BatchWatch refreshWatch(ElasticsearchClient elasticsearch, QueryApiProperties properties) {
        Duration interval = properties.consistency().refreshWatchInterval();
        if (interval.isZero()) {
            return null;
        }
        ElasticsearchRefreshes refreshes = new ElasticsearchRefreshes(elasticsearch,
            List.of(properties.alias(View.ORDER_HISTORY.id()), properties.alias(View.AVAILABLE_RESTAURANTS.id())));
        return new BatchWatch(List.of(refreshes::count), interval);
    }

    @Bean
    ReadYourWrites readYourWrites(MongoDatabase database, ElasticsearchClient elasticsearch, MongoViewCollections collections,
                                  @Qualifier("batchWatch") ObjectProvider<BatchWatch> batchWatch,
                                  @Qualifier("refreshWatch") ObjectProvider<BatchWatch> refreshWatch, QueryApiProperties properties) {
        QueryApiProperties.Consistency consistency = properties.consistency();
        return new ReadYourWrites(new MongoSourceStates(database, properties.collection("view_builder_states")),
            List.of(new ElasticsearchAppliedDocuments(elasticsearch, view -> properties.alias(view.id()), MAX_CHECKED_DOCUMENTS),
                new MongoAppliedDocuments(collections, MAX_CHECKED_DOCUMENTS)),
            new ConsistencySettings(consistency.maxWait(), consistency.initialBackoff(), consistency.maxBackoff(), consistency.retryAfter()),
            watches(batchWatch.getIfAvailable(), refreshWatch.getIfAvailable()));
    }

    private static Map<View.Store, BatchWatch> watches(BatchWatch batches, BatchWatch refreshes) {
        Map<View.Store, BatchWatch> watches = new EnumMap<>(View.Store.class);
        if (batches != null) {
            watches.put(View.Store.MONGODB, batches);
        }
        if (refreshes != null) {
            watches.put(View.Store.ELASTICSEARCH, refreshes);
        }
        return watches;
    }

    @Bean
    ViewQueryService viewQueryService(ElasticsearchClient elasticsearch, ElasticsearchViewVersions versions, MongoViewCollections collections,
                                      ViewPositions positions, ReadYourWrites readYourWrites, QueryApiProperties properties) {
        return new ViewQueryService(
            new ElasticsearchOrderHistoryReader(elasticsearch, properties.alias(View.ORDER_HISTORY.id()), versions),
            new MongoOrderDetailsReader(collections),
            new ElasticsearchAvailableRestaurantsReader(elasticsearch, properties.alias(View.AVAILABLE_RESTAURANTS.id()), versions),
            new MongoConsumerSummaryReader(collections),
            new CachedViewPositions(positions, properties.asOfCacheTtl()), readYourWrites, properties.topicPrefix());
    }

    @Bean(destroyMethod = "close")
    KafkaLogEndOffsets kafkaLogEndOffsets(KafkaProperties kafka, QueryApiProperties properties) {
        Map<String, Object> config = kafka.buildAdminProperties();
        // Fail fast when Kafka is away: /lag answers 503 rather than hanging.
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaLogEndOffsets(Admin.create(config), properties.lag().logEndCacheTtl());
    }

    @Bean
    LagMonitor lagMonitor(ViewPositions positions, KafkaLogEndOffsets logEnds, ViewVersionRegistry registry, QueryApiProperties properties,
                          Clock clock) {
        QueryApiProperties.Lag lag = properties.lag();
        LagSettings settings = new LagSettings(lag.freshWithin(), lag.stalledAfter(), lag.heartbeatWindow(), lag.heartbeatSamples());
        return new LagMonitor(positions, logEnds, registry, settings, properties.topicPrefix(), clock);
    }

    @Bean
    LagObserver lagObserver(LagMonitor monitor, MeterRegistry meters) {
        return new LagObserver(monitor, meters);
    }

    @Bean
    ViewLagHealthIndicator viewLagHealthIndicator(LagObserver observer) {
        return new ViewLagHealthIndicator(observer);
    }
}
