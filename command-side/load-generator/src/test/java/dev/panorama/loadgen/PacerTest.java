package dev.panorama.loadgen;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PacerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void spacesPermitsEvenlyAtTheRate() {
        Pacer pacer = Pacer.perSecond(100, now::get);

        assertThat(pacer.reserve()).isZero();
        assertThat(pacer.reserve()).isEqualTo(10_000_000L);
        assertThat(pacer.reserve()).isEqualTo(20_000_000L);
    }

    @Test
    void keepsTheOfferedRateWhenCallersAreLateButBurstsAtMostOneSecond() {
        Pacer pacer = Pacer.perSecond(10, now::get);
        pacer.reserve();

        now.addAndGet(5_000_000_000L);

        int immediate = 0;
        while (pacer.reserve() <= 0) {
            immediate++;
        }
        assertThat(immediate).isEqualTo(11);
    }

    @Test
    void neverWaitsWhenUnpaced() {
        Pacer pacer = Pacer.perSecond(0, now::get);

        for (int i = 0; i < 1_000; i++) {
            assertThat(pacer.reserve()).isZero();
        }
    }

    @Test
    void refusesANegativeRate() {
        assertThatIllegalArgumentException().isThrownBy(() -> Pacer.perSecond(-1)).withMessageContaining("rate");
    }
}
