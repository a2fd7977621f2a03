package dev.panorama.commandweb;

import dev.panorama.commandweb.EntityTags.InvalidIfMatchException;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagsTest {

    @Test
    void theTagIsTheQuotedVersion() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
        assertThat(EntityTags.expectedVersion("\"3\"")).hasValue(3);
        assertThat(EntityTags.expectedVersion(" \"42\" ")).hasValue(42);
    }

    @Test
    void noHeaderOrAStarSetsNoPrecondition() {
        assertThat(EntityTags.expectedVersion(null)).isEqualTo(OptionalLong.empty());
        assertThat(EntityTags.expectedVersion("")).isEqualTo(OptionalLong.empty());
        assertThat(EntityTags.expectedVersion("*")).isEqualTo(OptionalLong.empty());
    }

    @Test
    void refusesTagsNoCommandServiceHandsOut() {
        for (String tag : new String[] {"3", "W/\"3\"", "\"0\"", "\"abc\"", "\"1\", \"2\"", "\"12345678901234567890\""}) {
            assertThatThrownBy(() -> EntityTags.expectedVersion(tag)).as(tag).isInstanceOf(InvalidIfMatchException.class)
                .hasMessageContaining("If-Match must be one entity tag");
        }
    }
}
