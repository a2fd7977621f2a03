package dev.panorama.rebuild.views;

import dev.panorama.rebuild.archive.PartitionId;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What Kafka says about the topics and the live view builder's consumer group. */
public final class LiveGroup implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final String groupId;

    public LiveGroup(Map<String, Object> adminConfig, String groupId) {
        this.admin = Admin.create(adminConfig);
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }

    /** Every partition of these topics (a topic that does not exist has none). */
    public List<PartitionId> partitions(Collection<String> topics) {
        var described = call(() -> admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        return described.values().stream()
            .flatMap(topic -> topic.partitions().stream().map(info -> new PartitionId(topic.name(), info.partition())))
            .sorted().toList();
    }

    /** Per partition, the live group's committed offset: the next record it will apply (0 when it committed none). */
    public Map<PartitionId, Long> committed(Collection<PartitionId> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = call(() -> admin.listConsumerGroupOffsets(groupId)
            .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        Map<PartitionId, Long> committed = new TreeMap<>();
        for (PartitionId partition : partitions) {
            OffsetAndMetadata offset = offsets.get(new TopicPartition(partition.topic(), partition.partition()));
            committed.put(partition, offset == null ? 0L : offset.offset());
        }
        return committed;
    }

    /** How many consumers the live group has now (each consumer thread of each view builder instance is one). */
    public int members() {
        var groups = call(() -> admin.describeConsumerGroups(List.of(groupId)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        var group = groups.get(groupId);
        return group == null ? 0 : group.members().size();
    }

    /** Per partition, the first offset Kafka still holds (records before it are only in the archive). */
    public Map<PartitionId, Long> earliest(Collection<PartitionId> partitions) {
        return offsets(partitions, OffsetSpec.earliest());
    }

    /** Per partition, the log-end offset. */
    public Map<PartitionId, Long> latest(Collection<PartitionId> partitions) {
        return offsets(partitions, OffsetSpec.latest());
    }

    private Map<PartitionId, Long> offsets(Collection<PartitionId> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(new TopicPartition(partition.topic(), partition.partition()), spec));
        var result = call(() -> admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        Map<PartitionId, Long> offsets = new TreeMap<>();
        result.forEach((partition, info) -> offsets.put(new PartitionId(partition.topic(), partition.partition()), info.offset()));
        return offsets;
    }

    private <T> T call(KafkaCall<T> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new org.apache.kafka.common.KafkaException("asking Kafka about group " + groupId + " failed: " + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    private interface KafkaCall<T> {
        T get() throws InterruptedException, ExecutionException, TimeoutException;
    }
}
