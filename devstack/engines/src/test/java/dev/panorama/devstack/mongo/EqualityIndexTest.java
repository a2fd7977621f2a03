package dev.panorama.devstack.mongo;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EqualityIndexTest {

    private final EqualityIndex<Integer> index = new EqualityIndex<>("by_consumer",
        List.of(new IndexKey("type", true), new IndexKey("consumerId", true)), false);

    @Test
    void answersEqualityAndInOnExactlyItsFields() {
        assertThat(index.canHandle(new Document("type", "order").append("consumerId", "c1"))).isTrue();
        assertThat(index.canHandle(new Document("$and", List.of(new Document("type", "order"), new Document("consumerId", "c1"))))).isTrue();
        assertThat(index.canHandle(new Document("type", "order").append("consumerId", new Document("$in", List.of("c1", "c2"))))).isTrue();

        assertThat(index.canHandle(new Document("type", "order"))).as("a field missing").isFalse();
        assertThat(index.canHandle(new Document("type", "order").append("consumerId", "c1").append("status", "NEW"))).as("a field more").isFalse();
        assertThat(index.canHandle(new Document("type", "order").append("consumerId", new Document("$gt", "c1")))).isFalse();
        assertThat(index.canHandle(new Document("type", "order").append("consumerId", null))).as("null matches missing fields").isFalse();
        assertThat(index.canHandle(new Document("type", "order").append("consumerId", List.of("c1")))).as("an array compares whole").isFalse();
        assertThat(index.canHandle(new Document("$or", List.of(new Document("type", "order"), new Document("consumerId", "c1"))))).isFalse();
        assertThat(index.canHandle(new Document("$and", List.of(new Document("type", "order"), new Document("type", "delivery")))))
            .as("the same field twice").isFalse();
    }

    @Test
    void findsTheDocumentsOfAKeyThroughAddsUpdatesAndRemoves() {
        Document first = new Document("_id", "o1").append("type", "order").append("consumerId", "c1");
        Document second = new Document("_id", "o2").append("type", "order").append("consumerId", "c1");
        Document moved = new Document("_id", "o2").append("type", "order").append("consumerId", 2);
        index.add(first, 10, null);
        index.add(second, 11, null);

        assertThat(index.getPositions(new Document("type", "order").append("consumerId", "c1"))).containsExactlyInAnyOrder(10, 11);
        index.updateInPlace(second, moved, 11, null);
        assertThat(index.getPositions(new Document("type", "order").append("consumerId", "c1"))).containsExactly(10);
        assertThat(index.getPositions(new Document("type", "order").append("consumerId", 2.0))).as("numbers compare normalised").containsExactly(11);
        assertThat(index.getPositions(new Document("type", "order").append("consumerId", new Document("$in", List.of("c1", 2L)))))
            .containsExactlyInAnyOrder(10, 11);

        assertThat(index.remove(first)).isEqualTo(10);
        assertThat(index.getPositions(new Document("type", "order").append("consumerId", "c1"))).isEmpty();
        assertThat(index.getCount()).isEqualTo(1);
        assertThat(index.getPosition(moved)).as("not a unique index: positions come from _id").isNull();
    }

    @Test
    void refusesAQueryItCannotAnswer() {
        assertThatThrownBy(() -> index.getPositions(new Document("type", "order"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("by_consumer");
    }
}
