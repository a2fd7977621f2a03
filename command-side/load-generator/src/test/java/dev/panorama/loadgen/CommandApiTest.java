package dev.panorama.loadgen;

import com.sun.net.httpserver.HttpServer;
import dev.panorama.loadgen.CommandApi.Refused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refused command is counted as a failure once: by the API, or by a caller that may try it again. */
class CommandApiTest {

    private HttpServer orderService;
    private final RunStats stats = new RunStats();
    private CommandApi api;

    @BeforeEach
    void start() throws IOException {
        orderService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        orderService.createContext("/orders", exchange -> {
            byte[] body = "{\"detail\":\"restaurant r1 is not known to the order service\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(422, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        orderService.start();
        URI base = URI.create("http://127.0.0.1:" + orderService.getAddress().getPort() + "/");
        api = new CommandApi(Map.of("order-service", base), Pacer.perSecond(0), stats, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        orderService.stop(0);
    }

    @Test
    void aRefusalIsCountedByCreateAndLeftToTheCallerByCreateUncounted() {
        assertThatThrownBy(() -> api.create(Command.CREATE_ORDER, "/orders", Map.of(), "k1", "orderId")).isInstanceOf(Refused.class);
        assertThat(stats.failures()).hasSize(1);

        assertThatThrownBy(() -> api.createUncounted(Command.CREATE_ORDER, "/orders", Map.of(), "k2", "orderId"))
            .isInstanceOfSatisfying(Refused.class, refused -> {
                assertThat(refused.status()).isEqualTo(422);
                assertThat(refused.why()).startsWith("POST /orders → 422").contains("not known to the order service");
            });
        assertThat(stats.failures()).as("left to the caller").hasSize(1);
    }
}
