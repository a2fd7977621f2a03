package dev.panorama.queryapi;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.panorama.queryapi.adapter.out.kafka.KafkaLogEndOffsets;
import dev.panorama.queryapi.adapter.out.mongo.MongoOrderDetailsReader;
import dev.panorama.queryapi.adapter.out.mongo.MongoViewCollections;
import dev.panorama.queryapi.application.StoreUnavailableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store that does not answer becomes "store unavailable" (503 at the edge), with the real drivers against a closed port. */
class StoreOutageIT {

    @Test
    void mongoDbAwayIsStoreUnavailable() throws IOException {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + closedPort() + "/?serverSelectionTimeoutMS=300")) {
            MongoOrderDetailsReader reader = new MongoOrderDetailsReader(new MongoViewCollections(client.getDatabase("panorama"), "", Duration.ZERO));
            assertThatThrownBy(() -> reader.byId(UUID.randomUUID())).isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void kafkaAwayIsStoreUnavailable() throws IOException {
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500));
        try (KafkaLogEndOffsets logEnds = new KafkaLogEndOffsets(admin, Duration.ZERO)) {
            assertThatThrownBy(() -> logEnds.latest(List.of("ftgo.order.events"))).isInstanceOf(StoreUnavailableException.class);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
