package dev.panorama.viewbuilder.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.viewbuilder.adapter.kafka.DeadLetterPublisher;
import dev.panorama.viewbuilder.adapter.kafka.EventBatchListener;
import dev.panorama.viewbuilder.adapter.kafka.HeartbeatEmitter;
import dev.panorama.viewbuilder.adapter.kafka.ViewBuilderMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import dev.panorama.views.adapter.mongo.MongoPositions;
import dev.panorama.views.adapter.mongo.MongoProcessedEvents;
import dev.panorama.views.adapter.mongo.MongoStateStore;
import dev.panorama.views.adapter.mongo.MongoViewVersions;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.runtime.ViewVersions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.UUID;

/** Wires the view builder: the four views, their stores, the Kafka listener, dead letters, heartbeats. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ViewBuilderConfiguration {

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

    /** Every version of every view this release knows. */
    @Bean
    ViewCatalog viewCatalog() {
        return ViewCatalog.ftgo();
    }

    @Bean
    ViewVersions viewVersions(MongoDatabase database, ViewBuilderProperties properties) {
        return new MongoViewVersions(database, properties.namePrefix());
    }

    @Bean
    LiveViews liveViews(ViewCatalog catalog, ViewVersions versions, MongoDatabase database, ElasticsearchClient elasticsearch,
                        ViewBuilderProperties properties) {
        MongoStateStore states = new MongoStateStore(database, properties.namePrefix() + "view_builder_states");
        return new LiveViews(catalog, versions, states, elasticsearch, database, properties, Clock.systemUTC());
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(KafkaTemplate<String, byte[]> kafka, ViewBuilderProperties properties) {
        return new DeadLetterPublisher(kafka, properties.deadLetterTopic(), properties.groupId());
    }

    @Bean
    EventBatchListener eventBatchListener(EventReader reader, LiveViews liveViews, DeadLetterPublisher deadLetters,
                                          MongoDatabase database, ViewBuilderProperties properties, MeterRegistry meters) {
        return new EventBatchListener(reader, liveViews, deadLetters,
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

    /**
     * Offsets are committed asynchronously after each batch: still only once its writes are acknowledged,
     * but the next poll does not wait for the broker's answer (a synchronous commit is a round trip of
     * several milliseconds on every batch). A commit lost to a crash or a rebalance means the batch is
     * read again, which the processed-event records and the version vectors make harmless.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncOffsetCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
    }
}
