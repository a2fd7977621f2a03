package dev.panorama.outbox.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotifyChannelTest {

    @Test
    void acceptsALowerCaseIdentifier() {
        assertThat(new NotifyChannel("orders_outbox_2").name()).isEqualTo("orders_outbox_2");
    }

    @Test
    void refusesWhatCouldNotGoIntoListenAsItIs() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NotifyChannel("outbox; drop table outbox"));
        assertThatIllegalArgumentException().isThrownBy(() -> new NotifyChannel("Outbox"));
        assertThatIllegalArgumentException().isThrownBy(() -> new NotifyChannel("x".repeat(64)));
    }
}
