package dev.panorama.rebuild.archiver;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the archiver reads and how it cuts segments.
 *
 * @param topics the topics to archive; empty when {@code topicPattern} is given
 * @param topicPattern a regular expression of topics to archive (new matching topics are picked up), or null
 * @param instanceId the consumer's static group membership ({@code group.instance.id}), or null for a dynamic
 *     member: with one, a restarted archiver takes its partitions back at once instead of once the group gives up on the old member
 * @param statusInterval how often a status line is printed
 */
public record ArchiverSettings(String bootstrapServers, String groupId, String instanceId, List<String> topics, Pattern topicPattern,
                               SegmentLimits limits, Duration statusInterval) {

    /** The four FTGO event topics (schemas/events/catalog.json). */
    public static final List<String> EVENT_TOPICS = List.of(
        "ftgo.consumer.events", "ftgo.restaurant.events", "ftgo.order.events", "ftgo.delivery.events");

    public static final String DEFAULT_GROUP_ID = "panorama-archiver";

    public ArchiverSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(statusInterval, "statusInterval");
        topics = List.copyOf(topics);
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("--bootstrap-servers is needed, e.g. 127.0.0.1:9092");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("--group-id must not be empty");
        }
        if (instanceId != null && instanceId.isBlank()) {
            throw new IllegalArgumentException("--instance-id must not be empty");
        }
        if (topics.isEmpty() == (topicPattern == null)) {
            throw new IllegalArgumentException("give either --topics or --topic-pattern, not both");
        }
        for (String topic : topics) {
            if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new IllegalArgumentException("not a Kafka topic name: '" + topic + "'");
            }
        }
        if (statusInterval.isNegative() || statusInterval.isZero()) {
            throw new IllegalArgumentException("--status-interval must be positive: " + statusInterval);
        }
    }

    /** What gets archived, for the status line. */
    public String describeTopics() {
        return topicPattern != null ? "topics matching /" + topicPattern.pattern() + "/" : String.join(", ", topics);
    }
}
