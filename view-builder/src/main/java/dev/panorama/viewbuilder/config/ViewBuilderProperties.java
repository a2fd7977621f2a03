package dev.panorama.viewbuilder.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code panorama.view-builder.*}.
 *
 * @param groupId the Kafka consumer group; instances sharing it share the partitions
 * @param database the MongoDB database of states, positions and the MongoDB views
 * @param namePrefix prefixed to every index, alias and collection name (isolates environments and tests)
 * @param deadLetterTopic where poison and parked events go, with the reason in headers
 * @param heartbeatInterval how often a heartbeat is written to every partition of every topic
 * @param maxConflictRetries how often a document that lost a write race is rendered again before the batch fails
 * @param indexReplicas replicas of the view indexes (0 on a single node)
 * @param processedEventRetention how long ids of applied events are kept to skip redeliveries early
 * @param retryMaxInterval the longest pause between two attempts at a failing batch (the back-off doubles up to it)
 * @param versionsRefresh how often the registry of view versions is re-read: a version a rebuild registers is written from then on
 */
@ConfigurationProperties("panorama.view-builder")
public record ViewBuilderProperties(
    @DefaultValue("panorama-view-builder") String groupId,
    @DefaultValue("panorama") String database,
    @DefaultValue("") String namePrefix,
    @DefaultValue("panorama.dead-letters") String deadLetterTopic,
    @DefaultValue("5s") Duration heartbeatInterval,
    @DefaultValue("5") int maxConflictRetries,
    @DefaultValue("0") int indexReplicas,
    @DefaultValue("7d") Duration processedEventRetention,
    @DefaultValue("30s") Duration retryMaxInterval,
    @DefaultValue("1s") Duration versionsRefresh
) {

    /** The Elasticsearch alias or MongoDB collection a view is read and written through. */
    public String viewName(String view) {
        return namePrefix + view;
    }
}
