package dev.panorama.views.event;

import dev.panorama.views.fixtures.EnvelopeJson;
import dev.panorama.views.fixtures.FtgoStory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The view builder's records match the published schemas: written as envelopes, every event reads back equal. */
class EnvelopeRoundTripTest {

    @Test
    void everyStoryEventIsSchemaValidAndReadsBackEqual() {
        EventReader reader = new EventReader();
        List<DomainEvent> story = FtgoStory.generate(11, 10, 5, 80);

        for (DomainEvent event : story) {
            ReadResult result = reader.read(EnvelopeJson.of(event));
            assertThat(result).as(event.metadata().eventType()).isEqualTo(new ReadResult.Accepted(event));
        }
        assertThat(story.stream().map(e -> e.metadata().eventType()).distinct()).hasSizeGreaterThanOrEqualTo(15);
    }
}
