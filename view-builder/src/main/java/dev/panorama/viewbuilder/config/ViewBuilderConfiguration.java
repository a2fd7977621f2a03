package dev.panorama.viewbuilder.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.panorama.viewbuilder.adapter.DocumentJson;
import dev.panorama.viewbuilder.adapter.elasticsearch.ElasticsearchDocumentStore;
import dev.panorama.viewbuilder.adapter.elasticsearch.ViewIndexes;
import dev.panorama.viewbuilder.adapter.kafka.DeadLetterPublisher;
import dev.panorama.viewbuilder.adapter.kafka.EventBatchListener;
import dev.panorama.viewbuilder.adapter.kafka.HeartbeatEmitter;
import dev.panorama.viewbuilder.adapter.kafka.ViewBuilderMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import dev.panorama.viewbuilder.adapter.mongo.MongoDocumentStore;
import dev.panorama.viewbuilder.adapter.mongo.MongoPositions;
import dev.panorama.viewbuilder.adapter.mongo.MongoProcessedEvents;
import dev.panorama.viewbuilder.adapter.mongo.MongoStateStore;
import dev.panorama.viewbuilder.event.EventReader;
import dev.panorama.viewbuilder.projection.AvailableRestaurantsProjection;
import dev.panorama.viewbuilder.projection.ConsumerSummaryProjection;
import dev.panorama.viewbuilder.projection.OrderDetailsProjection;
import dev.panorama.viewbuilder.projection.OrderHistoryProjection;
import dev.panorama.viewbuilder.projection.Projections;
import dev.panorama.viewbuilder.runtime.DocumentStore;
import dev.panorama.viewbuilder.runtime.ViewMaintainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Map;
import java.util.UUID;

/** Wires the view builder: the four views, their stores, the Kafka listener, dead letters, heartbeats. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ViewBuilderConfiguration {

    private static final int VIEW_VERSION = 1;

    @Bean
    EventReader eventReader() {
        return new EventReader();
    }

    @Bean
    ViewBuilderTopics viewBuilderTopics(EventReader reader, @Value("${panorama.view-builder.topic-prefix:}") String prefix) {
        return new ViewBuilderTopics(reader.catalog().topics().values().stream().sorted().map(topic -> prefix + topic).toList());
    }

    @Bean
    MongoDatabase viewBuilderDatabase(MongoClient client, ViewBuilderProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    ViewMaintainer viewMaintainer(MongoDatabase database, ElasticsearchClient elasticsearch, ViewBuilderProperties properties) {
        Map<String, DocumentStore> sinks = Map.of(
            OrderHistoryProjection.VIEW, elasticsearchView(elasticsearch, OrderHistoryProjection.VIEW, properties),
            AvailableRestaurantsProjection.VIEW, elasticsearchView(elasticsearch, AvailableRestaurantsProjection.VIEW, properties),
            OrderDetailsProjection.VIEW, new MongoDocumentStore(database, mongoCollection(OrderDetailsProjection.VIEW, properties)),
            ConsumerSummaryProjection.VIEW, new MongoDocumentStore(database, mongoCollection(ConsumerSummaryProjection.VIEW, properties)));
        MongoStateStore states = new MongoStateStore(database, properties.namePrefix() + "view_builder_states");
        return new ViewMaintainer(Projections.all(), states, sinks, properties.maxConflictRetries());
    }

    private static DocumentStore elasticsearchView(ElasticsearchClient client, String view, ViewBuilderProperties properties) {
        String alias = properties.viewName(view);
        ViewIndexes.ensure(client, alias, view, VIEW_VERSION, properties.indexReplicas());
        return new ElasticsearchDocumentStore(client, alias);
    }

    /** MongoDB views live in a collection per version, {@code order_details_v1}. */
    static String mongoCollection(String view, ViewBuilderProperties properties) {
        return properties.viewName(view).replace('-', '_') + "_v" + VIEW_VERSION;
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(KafkaTemplate<String, byte[]> kafka, ViewBuilderProperties properties) {
        return new DeadLetterPublisher(kafka, properties.deadLetterTopic(), properties.groupId());
    }

    @Bean
    EventBatchListener eventBatchListener(EventReader reader, ViewMaintainer maintainer, DeadLetterPublisher deadLetters,
                                          MongoDatabase database, ViewBuilderProperties properties, MeterRegistry meters) {
        return new EventBatchListener(reader, maintainer, deadLetters,
            new MongoPositions(database, properties.namePrefix() + "view_builder_positions", properties.groupId()),
            new MongoProcessedEvents(database, properties.namePrefix() + "view_builder_processed_events", properties.processedEventRetention()),
            new ViewBuilderMetrics(meters));
    }

    @Bean
    HeartbeatEmitter heartbeatEmitter(KafkaTemplate<String, byte[]> kafka, ViewBuilderTopics topics, ViewBuilderProperties properties) {
        return new HeartbeatEmitter(kafka, topics.names(), properties.groupId() + "-" + UUID.randomUUID().toString().substring(0, 8),
            DocumentJson.MAPPER);
    }

    /**
     * A failed batch (a sink is down, a store timed out) is retried as a whole with exponential back-off,
     * its partitions paused, forever: nothing is committed that was not written, and it resumes by itself.
     */
    @Bean
    CommonErrorHandler batchRetryForever(ViewBuilderProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        return new DefaultErrorHandler(backOff);
    }
}
