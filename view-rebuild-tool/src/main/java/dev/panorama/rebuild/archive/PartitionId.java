package dev.panorama.rebuild.archive;

import java.util.Objects;

/**
 * One partition of one topic, as the archive names it. The archive's own type, so that the format knows
 * nothing of a Kafka client.
 */
public record PartitionId(String topic, int partition) implements Comparable<PartitionId> {

    public PartitionId {
        Objects.requireNonNull(topic, "topic");
        // Kafka's own rule for topic names; it also keeps every name a safe directory or object-key part.
        if (!topic.matches("[a-zA-Z0-9._-]{1,249}") || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("not a Kafka topic name: '" + topic + "'");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("a partition number is 0 or more: " + partition);
        }
    }

    /** The object-name prefix of this partition's segments and manifest: {@code <topic>/<partition>/}. */
    public String prefix() {
        return topic + "/" + partition + "/";
    }

    @Override
    public int compareTo(PartitionId other) {
        int byTopic = topic.compareTo(other.topic);
        return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
