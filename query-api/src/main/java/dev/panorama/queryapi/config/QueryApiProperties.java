package dev.panorama.queryapi.config;

import dev.panorama.views.adapter.kafka.Redrive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code panorama.query-api.*}.
 *
 * @param database the MongoDB database of the view builder (views, positions, states)
 * @param namePrefix prefixed to every index alias and collection name, as the view builder's {@code name-prefix}
 * @param topicPrefix prefixed to the event topics' names, as the view builder's {@code topic-prefix}
 * @param groupId the view builder's consumer group, whose positions are read
 * @param viewVersionCacheTtl how long the current version of a view (alias target, collection pointer) is cached
 * @param asOfCacheTtl how long the positions reported as a view answer's {@code asOf} are reused (0 reads them for every answer)
 * @param consistency read-your-writes
 * @param lag replication lag
 * @param deadLetters the view builder's dead-letter topic, for the admin routes
 */
@ConfigurationProperties("panorama.query-api")
public record QueryApiProperties(
    @DefaultValue("panorama") String database,
    @DefaultValue("") String namePrefix,
    @DefaultValue("") String topicPrefix,
    @DefaultValue("panorama-view-builder") String groupId,
    @DefaultValue("5s") Duration viewVersionCacheTtl,
    @DefaultValue("500ms") Duration asOfCacheTtl,
    @DefaultValue Consistency consistency,
    @DefaultValue Lag lag,
    @DefaultValue DeadLetters deadLetters
) {

    /**
     * @param maxWait how long a query with a consistency token waits for its view before answering 409
     * @param initialBackoff first pause between checks (doubled up to {@code maxBackoff})
     * @param maxBackoff longest pause between checks
     * @param retryAfter the {@code Retry-After} of a 409
     * @param batchWatchInterval while queries on the MongoDB views wait, how often a poller reads whether the view builder
     *     finished a batch, to wake them for a check at once; {@code 0} turns it off (waits then sleep out their back-off)
     * @param refreshWatchInterval while queries on the Elasticsearch views wait, how often a poller reads whether a view
     *     index refreshed; {@code 0} turns it off. Longer than the batch watch's: each read is a statistics request that
     *     costs Elasticsearch about a millisecond of CPU, and a refresh comes only every refresh interval (1 s by default)
     */
    public record Consistency(
        @DefaultValue("2s") Duration maxWait,
        @DefaultValue("20ms") Duration initialBackoff,
        @DefaultValue("250ms") Duration maxBackoff,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("10ms") Duration batchWatchInterval,
        @DefaultValue("50ms") Duration refreshWatchInterval
    ) {
    }

    /**
     * @param freshWithin a partition behind whose last applied event is at most this old is {@code fresh}
     * @param stalledAfter a partition behind whose position has not moved for this long is {@code stalled}
     * @param logEndCacheTtl how long log-end offsets from Kafka are reused
     * @param pollInterval how often positions are polled (heartbeat percentiles, gauges)
     * @param heartbeatWindow how far back the heartbeat percentiles look
     * @param heartbeatSamples at most this many heartbeat round trips kept per topic for the percentiles
     */
    public record Lag(
        @DefaultValue("5s") Duration freshWithin,
        @DefaultValue("60s") Duration stalledAfter,
        @DefaultValue("2s") Duration logEndCacheTtl,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5m") Duration heartbeatWindow,
        @DefaultValue("1000") int heartbeatSamples
    ) {
    }

    /**
     * @param topic the view builder's {@code dead-letter-topic}
     * @param redriveGroup the group whose offsets mark what was redriven; empty: {@code <group-id>.redrive}, as the
     *                     view builder's {@code redrive} command names it, so that both take up where the other stopped
     * @param maxScanned the most dead letters {@code GET /admin/dead-letters} reads to count them by reason and topic
     */
    public record DeadLetters(
        @DefaultValue("panorama.dead-letters") String topic,
        @DefaultValue("") String redriveGroup,
        @DefaultValue("10000") int maxScanned
    ) {
    }

    /** The redrive group: the configured one, or the one the view builder's {@code redrive} command uses. */
    public String redriveGroup() {
        return deadLetters.redriveGroup().isBlank() ? Redrive.groupOf(groupId) : deadLetters.redriveGroup();
    }

    /** The Elasticsearch alias of a view, {@code <prefix>order-history}. */
    public String alias(String view) {
        return namePrefix + view;
    }

    /** A MongoDB collection of the view builder, {@code <prefix>view_builder_positions}. */
    public String collection(String name) {
        return namePrefix + name;
    }
}
