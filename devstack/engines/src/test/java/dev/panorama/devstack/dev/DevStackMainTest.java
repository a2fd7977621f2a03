package dev.panorama.devstack.dev;

import dev.panorama.devstack.process.ServiceLaunch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DevStackMainTest {

    @Test
    void commandServicesGetASmallerHeapThanTheViewBuilderAndQueryApi() {
        assertThat(DevStackMain.heapOf("view-builder")).isEqualTo(ServiceLaunch.DEFAULT_HEAP);
        assertThat(DevStackMain.heapOf("query-api")).isEqualTo(ServiceLaunch.DEFAULT_HEAP);
        assertThat(DevStackMain.heapOf("order-service")).isEqualTo("256m");
        assertThat(DevStackMain.heapOf("consumer-service")).isEqualTo("256m");
    }
}
