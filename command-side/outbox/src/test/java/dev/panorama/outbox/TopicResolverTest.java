package dev.panorama.outbox;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicResolverTest {

    private final TopicResolver topics = TopicResolver.of(Map.of("order", "ftgo.order.events", "consumer", "ftgo.consumer.events"));

    @Test
    void givesTheTopicOfAnAggregateType() {
        assertThat(topics.topicOf("order")).isEqualTo("ftgo.order.events");
    }

    @Test
    void refusesAnAggregateTypeWithoutTopicNamingTheKnownOnes() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> topics.topicOf("delivery"))
            .withMessage("no topic for aggregate type delivery; configured: [consumer, order]");
    }
}
