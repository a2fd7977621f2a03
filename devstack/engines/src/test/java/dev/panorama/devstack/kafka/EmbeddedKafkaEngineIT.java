package dev.panorama.devstack.kafka;

import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dev mode's fixed ports, which the shared test engines (any free port) do not exercise. */
class EmbeddedKafkaEngineIT {

    @Test
    void listensOnTheRequestedPort() throws Exception {
        int port = Ports.freePort();
        try (EmbeddedKafkaEngine kafka = EmbeddedKafkaEngine.start(port, null, Duration.ofSeconds(60));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port))) {
            assertThat(kafka.bootstrapServers()).endsWith(":" + port);
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                .singleElement().satisfies(node -> assertThat(node.port()).isEqualTo(port));
        }
    }

    @Test
    void refusesATakenPortWithTheOptionToChangeIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafkaEngine.start(taken.getLocalPort(), null, Duration.ofSeconds(60)))
                .isInstanceOf(EngineStartupException.class)
                .hasMessage("Kafka: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use; stop what uses it"
                    + " (e.g. `ss -ltnp 'sport = :" + taken.getLocalPort() + "'`) or choose another with --kafka-port");
        }
    }
}
