package dev.panorama.restaurant.adapter.in.web;

import dev.panorama.restaurant.adapter.in.web.EntityTags.InvalidIfMatchException;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagsTest {

    @Test
    void theTagIsTheQuotedVersion() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
        assertThat(EntityTags.expectedVersion("\"3\"")).hasValue(3);
    }

    @Test
    void noHeaderOrAStarSetsNoPrecondition() {
        assertThat(EntityTags.expectedVersion(null)).isEqualTo(OptionalLong.empty());
        assertThat(EntityTags.expectedVersion("*")).isEqualTo(OptionalLong.empty());
    }

    @Test
    void refusesTagsThisServiceNeverHandsOut() {
        for (String tag : new String[] {"3", "W/\"3\"", "\"0\"", "\"abc\"", "\"1\", \"2\""}) {
            assertThatThrownBy(() -> EntityTags.expectedVersion(tag)).as(tag).isInstanceOf(InvalidIfMatchException.class);
        }
    }
}
