package dev.panorama.queryapi.support;

import dev.panorama.queryapi.QueryApiApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The running API against the shared engines; every integration test extends it, so they share one Spring context. */
@SpringBootTest(classes = QueryApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiIT {

    private static volatile Integer sharedPort;

    @LocalServerPort
    protected int port;

    /** The port of the API the integration tests share, once one of them ran in this JVM (null before). */
    public static Integer sharedPort() {
        return sharedPort;
    }

    @BeforeEach
    void rememberThePort() {
        sharedPort = port;
    }

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        QueryApiStack.register(registry);
    }

    protected Http http() {
        return new Http(port);
    }
}
