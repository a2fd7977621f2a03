package dev.panorama.queryapi;

import dev.panorama.queryapi.support.ApiIT;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.TestJwts;
import dev.panorama.queryapi.support.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys and JWTs, roles per endpoint, every refusal a problem document. */
class SecurityIT extends ApiIT {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void withoutCredentialsOnlyHealthAndTheContractAreOpen() {
        assertProblem(http().get("/order-history", NONE, NONE), 401);
        assertProblem(http().get("/lag", NONE, NONE), 401);
        assertProblem(http().get("/actuator/prometheus", NONE, NONE), 401);
        assertThat(http().get("/order-history", NONE, NONE).header("WWW-Authenticate")).contains("Bearer").contains("ApiKey");
        assertThat(http().get("/openapi.yaml", NONE, NONE).status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/liveness", NONE, NONE).status()).isEqualTo(200);
    }

    @Test
    void aWrongApiKeyIsRefusedAndReadersMayReadButNotSeeLag() {
        assertProblem(http().get("/order-history", NONE, Map.of("X-Api-Key", "guess")), 401);
        assertThat(http().get("/order-history", NONE, TestKeys.reader()).status()).isEqualTo(200);
        assertProblem(http().get("/lag", NONE, TestKeys.reader()), 403);
        assertProblem(http().get("/actuator/prometheus", NONE, TestKeys.reader()), 403);
        assertThat(http().get("/lag", NONE, TestKeys.operator()).status()).isEqualTo(200);
        assertThat(http().get("/order-history", NONE, TestKeys.operator()).status()).isEqualTo(200);
        assertThat(http().get("/lag/order-history", NONE, Map.of("X-Api-Key", TestKeys.ADMIN)).status()).isEqualTo(200);
    }

    @Test
    void bearerTokensCarryTheirRolesAndForeignOrExpiredOnesAreRefused() {
        String reader = TestJwts.token("alice", List.of("reader"), Duration.ofMinutes(5));
        String operator = TestJwts.token("bob", List.of("operator"), Duration.ofMinutes(5));
        assertThat(http().get("/order-history", NONE, bearer(reader)).status()).isEqualTo(200);
        assertProblem(http().get("/lag", NONE, bearer(reader)), 403);
        assertThat(http().get("/lag", NONE, bearer(operator)).status()).isEqualTo(200);
        assertProblem(http().get("/order-history", NONE, bearer(TestJwts.foreignToken("mallory", List.of("admin")))), 401);
        assertProblem(http().get("/order-history", NONE, bearer(TestJwts.token("carol", List.of("reader"), Duration.ofMinutes(-5)))), 401);
        assertProblem(http().get("/order-history", NONE, bearer(TestJwts.token("dave", List.of("guest"), Duration.ofMinutes(5)))), 403);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}
