package dev.panorama.queryapi.application;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsistencyTokenTest {

    @Test
    void parsesTypeIdAndVersion() {
        UUID id = UUID.randomUUID();
        ConsistencyToken token = ConsistencyToken.parse("order:" + id + ":3");
        assertThat(token).isEqualTo(new ConsistencyToken("order", id, 3));
        assertThat(token.sourceKey()).isEqualTo("order:" + id);
    }

    @Test
    void rejectsUnknownTypesMalformedIdsAndVersions() {
        String id = UUID.randomUUID().toString();
        for (String bad : new String[] {"order", "pizza:" + id + ":1", "order:1-2-3-4-5:1", "order:" + id + ":0", "order:" + id + ":-1",
            "order:" + id + ":1e3", "order:" + id + ":99999999999999999999", "order:" + id + ":1:2", "order:{\"$gt\":\"\"}:1"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> ConsistencyToken.parse(bad));
        }
    }
}
