package dev.panorama.queryapi.adapter.out.kafka;

import dev.panorama.queryapi.adapter.out.Cached;
import dev.panorama.queryapi.application.StoreUnavailableException;
import dev.panorama.queryapi.application.port.out.LogEndOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Log-end offsets from the Kafka admin client: the last stable offset ({@code read_committed}, as the view
 * builder reads), cached briefly so that a burst of {@code /lag} calls costs one round trip. Topics that do
 * not exist yet have no partitions and are left out.
 */
public final class KafkaLogEndOffsets implements LogEndOffsets, AutoCloseable {

    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final Cached<List<String>, Map<Partition, Long>> cache;

    public KafkaLogEndOffsets(Admin admin, Duration cacheTtl) {
        this.admin = admin;
        this.cache = new Cached<>(cacheTtl, this::load);
    }

    @Override
    public Map<Partition, Long> latest(Collection<String> topics) {
        return cache.get(List.copyOf(topics));
    }

    private Map<Partition, Long> load(List<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : admin.describeTopics(topics).topicNameValues().entrySet()) {
                try {
                    topic.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).partitions()
                        .forEach(partition -> request.put(new TopicPartition(topic.getKey(), partition.partition()), OffsetSpec.latest()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
            }
            Map<Partition, Long> ends = new HashMap<>();
            if (request.isEmpty()) {
                return ends;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin
                .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            offsets.forEach((partition, info) -> ends.put(new Partition(partition.topic(), partition.partition()), info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while reading log-end offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not answer with log-end offsets", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
