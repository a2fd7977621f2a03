package dev.panorama.queryapi.adapter.out;

import dev.panorama.queryapi.application.PartitionPosition;
import dev.panorama.queryapi.application.port.out.ViewPositions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CachedViewPositionsTest {

    private final List<List<String>> reads = new ArrayList<>();
    private final ViewPositions store = new ViewPositions() {
        @Override
        public List<PartitionPosition> of(Collection<String> topics) {
            reads.add(List.copyOf(topics));
            return List.of();
        }
    };

    @Test
    void reusesPositionsPerTopicSetWithinTheTtl() {
        CachedViewPositions positions = new CachedViewPositions(store, Duration.ofHours(1));

        positions.of(List.of("ftgo.order.events", "ftgo.consumer.events"));
        positions.of(List.of("ftgo.order.events", "ftgo.consumer.events"));
        positions.of(List.of("ftgo.restaurant.events"));

        assertThat(reads).containsExactly(List.of("ftgo.order.events", "ftgo.consumer.events"), List.of("ftgo.restaurant.events"));
    }

    @Test
    void readsEveryTimeWithAZeroTtl() {
        CachedViewPositions positions = new CachedViewPositions(store, Duration.ZERO);

        positions.of(List.of("ftgo.order.events"));
        positions.of(List.of("ftgo.order.events"));

        assertThat(reads).hasSize(2);
    }
}
