package dev.panorama.devstack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the structure of the repository's {@code docker-compose.yml}, which no build on a machine
 * without a Docker engine ever starts, so that it cannot rot unseen.
 *
 * <p>Each rule is a small static method that takes the parsed file and returns its problems, one
 * message per offence, each starting with {@code service '<name>'}. The tests run every rule against
 * the real file, and feed deliberately broken files to the rules to prove that they can fail.
 */
class DockerComposeFileTest {

    /** Infrastructure service to the port it publishes for the host (host port = container port). */
    private static final Map<String, String> EXPECTED_PORTS = Map.of(
            "kafka", "9094",
            "postgres", "5432",
            "elasticsearch", "9200",
            "mongodb", "27017");

    private static final String LOOPBACK = "127.0.0.1";

    /** The one-shot job that creates the topics; every Kafka client waits for it. */
    private static final String TOPIC_INIT = "kafka-init";

    /** Services meant to run as several instances ({@code docker compose up --scale <name>=N}). */
    private static final Set<String> SCALED_SERVICES = Set.of("view-builder");

    private static final String COMPLETED = "service_completed_successfully";

    /** {@code ${KAFKA_PARTITIONS:-6}}: set in .env, with a default. */
    private static final Pattern PARTITIONS_VARIABLE = Pattern.compile("\\$\\{KAFKA_PARTITIONS:-[1-9][0-9]*\\}");

    private static final Pattern LITERAL_PARTITIONS = Pattern.compile("--partitions[\\s=]+[0-9]");

    /** {@code ${NAME:default}} in Spring configuration: the default. */
    private static final Pattern PLACEHOLDER_WITH_DEFAULT = Pattern.compile("\\$\\{[^:}]+:([^}]*)\\}");

    /** {@code ${NAME:?message}}: Compose refuses to start while NAME is unset or empty. */
    private static final Pattern REQUIRED_VARIABLE =
            Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:\\?[^}]*\\}");

    /** {@code ${NAME:?message}} or {@code ${NAME:-default}}, not escaped as {@code $${...}}: a setting of .env. */
    private static final Pattern SETTING_VARIABLE_NAME =
            Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*):[?-]");

    private static final Pattern OFFENDER = Pattern.compile("service '([^']+)'");

    private static Path projectRoot;
    private static Map<String, Object> composeFile;

    @BeforeAll
    static void readComposeFile() throws IOException {
        projectRoot = findProjectRoot(Path.of("").toAbsolutePath());
        composeFile = parse(Files.readString(projectRoot.resolve("docker-compose.yml")));
    }

    // ---------------------------------------------------------------- the real file

    @Test
    void definesTheFourInfrastructureServices() {
        assertThat(services(composeFile).keySet())
                .as("services defined in docker-compose.yml")
                .containsAll(EXPECTED_PORTS.keySet());
    }

    @Test
    void pinsEveryImageToAnExplicitVersion() {
        assertThat(imageTagProblems(composeFile)).as("images without an explicit version tag").isEmpty();
    }

    @Test
    void givesEveryServiceAHealthcheckWithATestCommand() {
        assertThat(healthcheckProblems(composeFile)).as("services without a healthcheck").isEmpty();
    }

    @Test
    void publishesTheExpectedPortsOnLoopbackOnly() {
        assertThat(missingPublishedPorts(composeFile, EXPECTED_PORTS)).as("expected ports not published").isEmpty();
        assertThat(portBindingProblems(composeFile)).as("ports reachable from other hosts").isEmpty();
    }

    @Test
    void keepsElasticsearchSecurityEnabledWithARequiredPassword() {
        assertThat(elasticsearchSecurityProblems(composeFile)).as("Elasticsearch security").isEmpty();
    }

    @Test
    void runsKafkaInKraftModeAsBrokerAndController() {
        assertThat(kafkaKraftProblems(composeFile)).as("Kafka KRaft configuration").isEmpty();
    }

    @Test
    void runsMongodbAsAReplicaSet() {
        assertThat(mongodbReplicaSetProblems(composeFile)).as("MongoDB replica set").isEmpty();
    }

    @Test
    void takesEveryPasswordFromARequiredEnvironmentVariable() {
        assertThat(literalSecretProblems(composeFile)).as("passwords not taken from ${NAME:?message}").isEmpty();
    }

    @Test
    void declaresEveryNamedVolumeItUses() {
        assertThat(undeclaredVolumeProblems(composeFile)).as("named volumes not declared").isEmpty();
    }

    @Test
    void createsEveryTopicThePlatformNamesAndNoneByItself() throws IOException {
        Set<String> topics = platformTopics(projectRoot);

        assertThat(topics).as("topics named by the catalogue and the services' configuration")
                .contains("ftgo.order.events", "panorama.dead-letters");
        assertThat(topicInitProblems(composeFile, topics)).as("topic creation").isEmpty();
    }

    @Test
    void makesEveryKafkaClientWaitUntilTheTopicsExist() {
        assertThat(kafkaClients(composeFile)).as("services with KAFKA_BOOTSTRAP_SERVERS")
                .contains("view-builder", "order-service", "archiver");
        assertThat(kafkaClientProblems(composeFile)).as("Kafka clients not waiting for " + TOPIC_INIT).isEmpty();
    }

    @Test
    void letsTheViewBuilderRunAsSeveralInstances() {
        assertThat(scalingProblems(composeFile, SCALED_SERVICES)).as("what keeps --scale from working").isEmpty();
    }

    @Test
    void documentsEveryVariableInEnvExample() throws IOException {
        String composeText = Files.readString(projectRoot.resolve("docker-compose.yml"));
        String envExample = Files.readString(projectRoot.resolve(".env.example"));

        assertThat(undocumentedVariables(composeText, envExample)).as("variables missing from .env.example").isEmpty();
    }

    // ---------------------------------------------------------------- the rules can fail

    @Test
    void allowsAServiceBuiltFromSourceWithoutAnImage() {
        Map<String, Object> candidate = parse("""
                services:
                  view-builder:
                    build: ./view-builder
                  query-api:
                    build:
                      context: ./query-api
                    image: panorama/query-api:0.1.0
                """);

        assertThat(imageTagProblems(candidate)).isEmpty();
    }

    @Test
    void reportsImagesWithoutAVersionTagOrTaggedLatest() {
        Map<String, Object> candidate = parse("""
                services:
                  untagged:
                    image: redis
                  floating:
                    image: redis:latest
                  registry-port-only:
                    image: localhost:5000/panorama/relay
                  built-but-floating:
                    build: ./relay
                    image: panorama/relay:latest
                  pinned:
                    image: localhost:5000/redis:8.2.1
                """);

        List<String> problems = imageTagProblems(candidate);

        assertThat(offenders(problems))
                .containsExactlyInAnyOrder("untagged", "floating", "registry-port-only", "built-but-floating");
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("'floating'", "latest"));
    }

    @Test
    void reportsAMissingOrDisabledHealthcheck() {
        Map<String, Object> candidate = parse("""
                services:
                  none:
                    image: app:1.0
                  disabled:
                    image: app:1.0
                    healthcheck:
                      disable: true
                  opted-out:
                    image: app:1.0
                    healthcheck:
                      test: ["NONE"]
                  empty-command:
                    image: app:1.0
                    healthcheck:
                      test: ["CMD"]
                  checked:
                    image: app:1.0
                    healthcheck:
                      test: ["CMD", "true"]
                  checked-by-shell:
                    image: app:1.0
                    healthcheck:
                      test: curl -f http://localhost:8080/actuator/health
                  one-shot-job:
                    image: app:1.0
                    profiles: ["demo"]
                    restart: "no"
                  long-running-on-demand:
                    image: app:1.0
                    profiles: ["demo"]
                    restart: unless-stopped
                  awaited-init-job:
                    image: app:1.0
                    restart: "no"
                  init-job-nobody-awaits:
                    image: app:1.0
                    restart: "no"
                  awaiting:
                    image: app:1.0
                    depends_on:
                      awaited-init-job:
                        condition: service_completed_successfully
                      init-job-nobody-awaits:
                        condition: service_started
                    healthcheck:
                      test: ["CMD", "true"]
                """);

        assertThat(offenders(healthcheckProblems(candidate)))
                .containsExactlyInAnyOrder("none", "disabled", "opted-out", "empty-command", "long-running-on-demand",
                        "init-job-nobody-awaits");
    }

    @Test
    void reportsAPortReachableFromOtherHosts() {
        Map<String, Object> candidate = parse("""
                services:
                  all-interfaces:
                    image: app:1.0
                    ports:
                      - "5432:5432"
                  random-host-port:
                    image: app:1.0
                    ports:
                      - "9200"
                  long-syntax:
                    image: app:1.0
                    ports:
                      - target: 27017
                        published: 27017
                  loopback:
                    image: app:1.0
                    ports:
                      - "127.0.0.1:9094:9094"
                      - "127.0.0.1:8080:8080/tcp"
                      - target: 8081
                        published: 8081
                        host_ip: 127.0.0.1
                """);

        assertThat(offenders(portBindingProblems(candidate)))
                .containsExactlyInAnyOrder("all-interfaces", "random-host-port", "long-syntax");
    }

    @Test
    void reportsAnExpectedPortThatIsNotPublished() {
        Map<String, Object> candidate = parse("""
                services:
                  kafka:
                    image: apache/kafka:4.1.1
                    ports:
                      - "127.0.0.1:9092:9092"
                  postgres:
                    image: postgres:17.6
                    ports:
                      - "127.0.0.1:5432:5432"
                """);

        assertThat(offenders(missingPublishedPorts(candidate, Map.of("kafka", "9094", "postgres", "5432"))))
                .containsExactly("kafka");
    }

    @Test
    void reportsAPasswordThatIsNotARequiredVariableWithoutShowingIt() {
        Map<String, Object> candidate = parse("""
                services:
                  literal:
                    image: app:1.0
                    environment:
                      POSTGRES_PASSWORD: hunter2
                  optional-default:
                    image: app:1.0
                    environment:
                      - "DB_PASSWORD=${DB_PASSWORD:-hunter2}"
                  optional:
                    image: app:1.0
                    environment:
                      spring.datasource.password: "${DB_PASSWORD}"
                  pass-through:
                    image: app:1.0
                    environment:
                      - REDIS_PASSWORD
                  required:
                    image: app:1.0
                    environment:
                      - "ELASTIC_PASSWORD=${ELASTIC_PASSWORD:?set it in .env}"
                      - POSTGRES_USER=panorama
                """);

        List<String> problems = literalSecretProblems(candidate);

        assertThat(offenders(problems))
                .containsExactlyInAnyOrder("literal", "optional-default", "optional", "pass-through");
        assertThat(problems).noneSatisfy(problem -> assertThat(problem).contains("hunter2"));
    }

    @Test
    void reportsAnUndeclaredNamedVolume() {
        Map<String, Object> candidate = parse("""
                services:
                  undeclared:
                    image: app:1.0
                    volumes:
                      - cache-data:/data
                  long-syntax:
                    image: app:1.0
                    volumes:
                      - type: volume
                        source: other-data
                        target: /data
                  bind-mounts:
                    image: app:1.0
                    volumes:
                      - ./config:/config:ro
                      - /var/log/app:/logs
                  anonymous:
                    image: app:1.0
                    volumes:
                      - /scratch
                  declared:
                    image: app:1.0
                    volumes:
                      - kept-data:/data
                volumes:
                  kept-data:
                """);

        assertThat(offenders(undeclaredVolumeProblems(candidate)))
                .containsExactlyInAnyOrder("undeclared", "long-syntax");
    }

    @Test
    void reportsElasticsearchWithSecurityDisabledOrALiteralPassword() {
        Map<String, Object> candidate = parse("""
                services:
                  elasticsearch:
                    image: docker.elastic.co/elasticsearch/elasticsearch:9.2.2
                    environment:
                      discovery.type: single-node
                      xpack.security.enabled: "false"
                      ELASTIC_PASSWORD: changeme
                """);

        List<String> problems = elasticsearchSecurityProblems(candidate);

        assertThat(offenders(problems)).isNotEmpty().containsOnly("elasticsearch");
        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).contains("xpack.security.enabled"))
                .anySatisfy(problem -> assertThat(problem).contains("ELASTIC_PASSWORD"))
                .anySatisfy(problem -> assertThat(problem).contains("xpack.security.http.ssl.enabled"));
    }

    @Test
    void reportsKafkaWithoutTheControllerRole() {
        Map<String, Object> candidate = parse("""
                services:
                  kafka:
                    image: apache/kafka:4.1.1
                    environment:
                      KAFKA_PROCESS_ROLES: broker
                      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092,EXTERNAL://localhost:9094
                      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: "1"
                      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: "1"
                      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: "1"
                      KAFKA_LOG_DIRS: /var/lib/kafka/data
                    volumes:
                      - kafka-data:/var/lib/kafka/data
                volumes:
                  kafka-data:
                """);

        List<String> problems = kafkaKraftProblems(candidate);

        assertThat(problems).singleElement().asString().contains("service 'kafka'", "KAFKA_PROCESS_ROLES");
    }

    @Test
    void reportsMongodbWithoutAReplicaSet() {
        Map<String, Object> candidate = parse("""
                services:
                  mongodb:
                    image: mongo:8.0.15
                    command: mongod --bind_ip_all
                    healthcheck:
                      test: ["CMD", "mongosh", "--eval", "db.runCommand('ping').ok"]
                """);

        List<String> problems = mongodbReplicaSetProblems(candidate);

        assertThat(problems).singleElement().asString().contains("service 'mongodb'", "--replSet");
    }

    @Test
    void reportsAVariableMissingFromEnvExample() {
        String composeText = """
                services:
                  app:
                    image: app:1.0
                    environment:
                      A_PASSWORD: "${A_PASSWORD:?set it}"
                      B_PASSWORD: "${B_PASSWORD:?set it}"
                      WORKERS: "${WORKERS:-4}"
                      HOME_DIR: "$${HOME}"
                      CACHE_DIR: "$${CACHE:-/tmp}"
                """;
        String envExample = """
                A_PASSWORD=change-me
                # B_PASSWORD=change-me
                """;

        assertThat(undocumentedVariables(composeText, envExample))
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("B_PASSWORD"))
                .anySatisfy(problem -> assertThat(problem).contains("WORKERS"));
    }

    @Test
    void reportsATopicJobThatMissesATopicOrFixesThePartitionCount() {
        Map<String, Object> candidate = parse("""
                services:
                  kafka:
                    image: apache/kafka:4.1.1
                  kafka-init:
                    image: apache/kafka:4.1.0
                    restart: on-failure
                    depends_on:
                      - kafka
                    command: >-
                      kafka-topics.sh --create --topic ftgo.order.events --partitions 3;
                      kafka-topics.sh --create --topic ftgo.order.events.retry --partitions 3
                """);

        List<String> problems = topicInitProblems(candidate, Set.of("ftgo.order.events", "ftgo.consumer.events"));

        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).contains("service 'kafka'", "KAFKA_AUTO_CREATE_TOPICS_ENABLE"))
                .anySatisfy(problem -> assertThat(problem).contains("service 'kafka-init'", "apache/kafka:4.1.1"))
                .anySatisfy(problem -> assertThat(problem).contains("service 'kafka-init'", "restart"))
                .anySatisfy(problem -> assertThat(problem).contains("service 'kafka-init'", "healthy"))
                .anySatisfy(problem -> assertThat(problem).contains("service 'kafka-init'", "--if-not-exists"))
                .anySatisfy(problem -> assertThat(problem).contains("service 'kafka-init'", "KAFKA_PARTITIONS"))
                .anySatisfy(problem -> assertThat(problem).contains("service 'kafka-init'", "literal"))
                .anySatisfy(problem -> assertThat(problem).contains("service 'kafka-init'", "ftgo.consumer.events"))
                .noneSatisfy(problem -> assertThat(problem).contains("topic ftgo.order.events"));
    }

    @Test
    void acceptsATopicJobThatCreatesEveryTopicWithThePartitionsOfEnv() {
        Map<String, Object> candidate = parse("""
                services:
                  kafka:
                    image: apache/kafka:4.1.1
                    environment:
                      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"
                  kafka-init:
                    image: apache/kafka:4.1.1
                    restart: "no"
                    depends_on:
                      kafka:
                        condition: service_healthy
                    environment:
                      PARTITIONS: "${KAFKA_PARTITIONS:-6}"
                    entrypoint: ["/bin/bash", "-c"]
                    command:
                      - |
                        for topic in ftgo.order.events ftgo.consumer.events; do
                          kafka-topics.sh --create --if-not-exists --topic "$$topic" --partitions "$$PARTITIONS"
                        done
                """);

        assertThat(topicInitProblems(candidate, Set.of("ftgo.order.events", "ftgo.consumer.events"))).isEmpty();
        assertThat(topicInitProblems(candidate, Set.of("ftgo.order"))).singleElement().asString()
                .contains("does not create topic ftgo.order");
    }

    @Test
    void reportsAMissingTopicJob() {
        Map<String, Object> candidate = parse("""
                services:
                  kafka:
                    image: apache/kafka:4.1.1
                    environment:
                      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"
                """);

        assertThat(topicInitProblems(candidate, Set.of("ftgo.order.events"))).singleElement().asString()
                .contains("service 'kafka-init'", "missing");
    }

    @Test
    void reportsAKafkaClientThatDoesNotWaitForTheTopics() {
        Map<String, Object> candidate = parse("""
                services:
                  short-syntax:
                    image: app:1.0
                    depends_on: [kafka-init]
                    environment:
                      KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                  started-only:
                    image: app:1.0
                    depends_on:
                      kafka-init:
                        condition: service_started
                    environment:
                      - KAFKA_BOOTSTRAP_SERVERS=kafka:9092
                  broker-only:
                    image: app:1.0
                    depends_on:
                      kafka:
                        condition: service_healthy
                    environment:
                      KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                  waits:
                    image: app:1.0
                    depends_on:
                      kafka-init:
                        condition: service_completed_successfully
                    environment:
                      KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                  no-kafka:
                    image: app:1.0
                """);

        assertThat(offenders(kafkaClientProblems(candidate)))
                .containsExactlyInAnyOrder("short-syntax", "started-only", "broker-only");
    }

    @Test
    void reportsWhatKeepsAServiceFromRunningAsSeveralInstances() {
        Map<String, Object> candidate = parse("""
                services:
                  fixed-port:
                    image: app:1.0
                    ports:
                      - "127.0.0.1:8082:8082"
                  long-syntax-port:
                    image: app:1.0
                    ports:
                      - target: 8082
                        published: "8082"
                        host_ip: 127.0.0.1
                  named:
                    image: app:1.0
                    container_name: panorama-view-builder
                  static-member:
                    image: app:1.0
                    environment:
                      SPRING_KAFKA_CONSUMER_PROPERTIES_GROUP_INSTANCE_ID: builder-1
                  port-range:
                    image: app:1.0
                    ports:
                      - "127.0.0.1:8082-8089:8082"
                  random-port:
                    image: app:1.0
                    ports:
                      - "127.0.0.1::8082"
                  internal-only:
                    image: app:1.0
                    expose:
                      - "8082"
                """);
        Set<String> scaled = Set.of("fixed-port", "long-syntax-port", "named", "static-member", "port-range", "random-port",
                "internal-only", "undefined");

        assertThat(offenders(scalingProblems(candidate, scaled)))
                .containsExactlyInAnyOrder("fixed-port", "long-syntax-port", "named", "static-member", "undefined");
    }

    @Test
    void findsTheTopicsThatSpringConfigurationNames() {
        Map<String, Object> configuration = parse("""
                spring:
                  kafka:
                    bootstrap-servers: ${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:19092}
                panorama:
                  outbox:
                    topics:
                      order: ftgo.order.events
                  replica:
                    group-id: order-service.replica
                    topic: ${REPLICA_TOPIC:ftgo.restaurant.events}
                  view-builder:
                    dead-letter-topic: panorama.dead-letters
                    heartbeat-interval: 5s
                  archive:
                    topics: [ftgo.consumer.events]
                """);

        assertThat(topicsNamedIn(configuration)).containsExactlyInAnyOrder(
                "ftgo.order.events", "ftgo.restaurant.events", "panorama.dead-letters", "ftgo.consumer.events");
    }

    // ---------------------------------------------------------------- rules

    static List<String> imageTagProblems(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> {
            if (!service.containsKey("image")) {
                return; // built from source (build:) and not named: there is no image reference to pin
            }
            String image = text(service.get("image"));
            Optional<String> tag = imageTag(image);
            if (tag.isEmpty() || tag.get().isBlank()) {
                problems.add("service '%s': image '%s' has no version tag".formatted(name, image));
            } else if (tag.get().equalsIgnoreCase("latest")) {
                problems.add("service '%s': image '%s' uses the floating tag 'latest'".formatted(name, image));
            }
        });
        return problems;
    }

    /**
     * Every long-running service needs one; a one-shot job has nothing to probe: never restarted, and either
     * on demand (a profile) or awaited by another service until it completed successfully.
     */
    static List<String> healthcheckProblems(Map<String, Object> compose) {
        Map<String, Map<String, Object>> services = services(compose);
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            boolean awaited = services.values().stream()
                    .anyMatch(other -> COMPLETED.equals(dependencyCondition(other, name)));
            if ("no".equals(String.valueOf(service.get("restart"))) && (service.containsKey("profiles") || awaited)) {
                return;
            }
            Map<String, Object> healthcheck = asMap(service.get("healthcheck"));
            if (Boolean.TRUE.equals(healthcheck.get("disable"))) {
                problems.add("service '%s': healthcheck is disabled".formatted(name));
            } else if (healthcheckCommand(healthcheck).isEmpty()) {
                problems.add("service '%s': has no healthcheck with a test command".formatted(name));
            }
        });
        return problems;
    }

    static List<String> portBindingProblems(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> {
            for (PublishedPort port : publishedPorts(service)) {
                if (!LOOPBACK.equals(port.hostIp())) {
                    problems.add("service '%s': port %s is not bound to %s".formatted(name, port, LOOPBACK));
                }
            }
        });
        return problems;
    }

    static List<String> missingPublishedPorts(Map<String, Object> compose, Map<String, String> expected) {
        Map<String, Map<String, Object>> services = services(compose);
        List<String> problems = new ArrayList<>();
        new TreeSet<>(expected.keySet()).forEach(name -> {
            String port = expected.get(name);
            PublishedPort wanted = new PublishedPort(LOOPBACK, port, port);
            if (!publishedPorts(services.getOrDefault(name, Map.of())).contains(wanted)) {
                problems.add("service '%s': does not publish %s".formatted(name, wanted));
            }
        });
        return problems;
    }

    static List<String> elasticsearchSecurityProblems(Map<String, Object> compose) {
        Map<String, String> env = environment(services(compose).getOrDefault("elasticsearch", Map.of()));
        List<String> problems = new ArrayList<>();
        if (!"true".equalsIgnoreCase(env.get("xpack.security.enabled"))) {
            problems.add("service 'elasticsearch': xpack.security.enabled must be \"true\"");
        }
        if (!isRequiredVariable(env.get("ELASTIC_PASSWORD"))) {
            problems.add("service 'elasticsearch': ELASTIC_PASSWORD must be a required variable ${NAME:?message}");
        }
        if (!env.containsKey("xpack.security.http.ssl.enabled")) {
            problems.add("service 'elasticsearch': xpack.security.http.ssl.enabled must be set explicitly, "
                    + "so that plain-text HTTP is a visible decision");
        }
        if (!"single-node".equals(env.get("discovery.type"))) {
            problems.add("service 'elasticsearch': discovery.type must be single-node");
        }
        return problems;
    }

    static List<String> kafkaKraftProblems(Map<String, Object> compose) {
        Map<String, Object> kafka = services(compose).getOrDefault("kafka", Map.of());
        Map<String, String> env = environment(kafka);
        List<String> problems = new ArrayList<>();
        String roles = env.get("KAFKA_PROCESS_ROLES");
        if (!commaSeparated(roles).equals(Set.of("broker", "controller"))) {
            problems.add("service 'kafka': KAFKA_PROCESS_ROLES must be broker,controller (one KRaft node), was "
                    + roles);
        }
        // A single broker holds one replica; transactional producers hang without the last two.
        for (String key : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            if (!"1".equals(env.get(key))) {
                problems.add("service 'kafka': %s must be 1 on a single broker, was %s".formatted(key, env.get(key)));
            }
        }
        Set<String> advertised = commaSeparated(env.get("KAFKA_ADVERTISED_LISTENERS"));
        for (String listener : List.of("PLAINTEXT://kafka:9092", "EXTERNAL://localhost:9094")) {
            if (!advertised.contains(listener)) {
                problems.add("service 'kafka': KAFKA_ADVERTISED_LISTENERS must contain " + listener);
            }
        }
        String logDirs = env.get("KAFKA_LOG_DIRS");
        boolean onNamedVolume = mounts(kafka).stream()
                .anyMatch(mount -> mount.namedVolume() && mount.target().equals(logDirs));
        if (!onNamedVolume) {
            problems.add("service 'kafka': KAFKA_LOG_DIRS (%s) must be the target of a named volume".formatted(logDirs));
        }
        return problems;
    }

    static List<String> mongodbReplicaSetProblems(Map<String, Object> compose) {
        Map<String, Object> mongodb = services(compose).getOrDefault("mongodb", Map.of());
        List<String> command = arguments(mongodb.get("command"));
        int flag = command.indexOf("--replSet");
        if (flag < 0 || flag + 1 >= command.size()) {
            return List.of("service 'mongodb': command must run mongod with --replSet <name>, was " + command);
        }
        String replicaSet = command.get(flag + 1);
        List<String> problems = new ArrayList<>();
        if (!command.contains("--bind_ip_all")) {
            problems.add("service 'mongodb': command must contain --bind_ip_all, or other containers cannot connect");
        }
        String healthcheck = healthcheckCommand(asMap(mongodb.get("healthcheck")));
        if (!healthcheck.contains("rs.initiate") || !healthcheck.contains("'" + replicaSet + "'")) {
            problems.add("service 'mongodb': healthcheck must initiate replica set '%s'".formatted(replicaSet));
        }
        return problems;
    }

    /** The values are never part of a message: a literal here may be a real secret. */
    static List<String> literalSecretProblems(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> environment(service).forEach((key, value) -> {
            if (key.toUpperCase(Locale.ROOT).contains("PASSWORD") && !isRequiredVariable(value)) {
                problems.add("service '%s': %s must be a required variable ${NAME:?message} (value not shown)"
                        .formatted(name, key));
            }
        }));
        return problems;
    }

    static List<String> undeclaredVolumeProblems(Map<String, Object> compose) {
        Set<String> declared = asMap(compose.get("volumes")).keySet();
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> {
            for (Mount mount : mounts(service)) {
                if (mount.namedVolume() && !declared.contains(mount.source())) {
                    problems.add("service '%s': volume '%s' is not declared under the top-level volumes"
                            .formatted(name, mount.source()));
                }
            }
        });
        return problems;
    }

    /**
     * The topic job exists, runs the broker's own image once the broker is healthy, creates each topic only
     * if it does not exist, with the partition count of {@code ${KAFKA_PARTITIONS:-n}}, and names every
     * topic; the broker creates none by itself.
     */
    static List<String> topicInitProblems(Map<String, Object> compose, Set<String> topics) {
        Map<String, Map<String, Object>> services = services(compose);
        Map<String, Object> kafka = services.getOrDefault("kafka", Map.of());
        List<String> problems = new ArrayList<>();
        if (!"false".equals(environment(kafka).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))) {
            problems.add("service 'kafka': KAFKA_AUTO_CREATE_TOPICS_ENABLE must be \"false\", so that a misspelt topic "
                    + "fails instead of appearing with one partition");
        }
        Map<String, Object> init = services.get(TOPIC_INIT);
        if (init == null) {
            problems.add("service '%s': missing, so nothing creates the topics".formatted(TOPIC_INIT));
            return problems;
        }
        String kafkaImage = text(kafka.get("image"));
        if (!Objects.equals(text(init.get("image")), kafkaImage)) {
            problems.add("service '%s': must run the kafka service's image %s, was %s"
                    .formatted(TOPIC_INIT, kafkaImage, text(init.get("image"))));
        }
        if (!"no".equals(String.valueOf(init.get("restart")))) {
            problems.add("service '%s': a one-shot job needs restart \"no\", was %s".formatted(TOPIC_INIT, init.get("restart")));
        }
        if (!"service_healthy".equals(dependencyCondition(init, "kafka"))) {
            problems.add("service '%s': must wait until kafka is healthy (depends_on condition service_healthy)"
                    .formatted(TOPIC_INIT));
        }
        String script = String.join(" ", arguments(init.get("entrypoint"))) + " " + String.join(" ", arguments(init.get("command")));
        if (!script.contains("--if-not-exists")) {
            problems.add("service '%s': must create topics with --if-not-exists, so that running it again changes nothing"
                    .formatted(TOPIC_INIT));
        }
        String settings = script + " " + String.join(" ", environment(init).values().stream().map(String::valueOf).toList());
        if (!script.contains("--partitions") || !PARTITIONS_VARIABLE.matcher(settings).find()) {
            problems.add("service '%s': must take --partitions from ${KAFKA_PARTITIONS:-<default>}".formatted(TOPIC_INIT));
        }
        if (LITERAL_PARTITIONS.matcher(script).find()) {
            problems.add("service '%s': passes a literal partition count instead of KAFKA_PARTITIONS".formatted(TOPIC_INIT));
        }
        for (String topic : new TreeSet<>(topics)) {
            if (!Pattern.compile("(?<![A-Za-z0-9._-])" + Pattern.quote(topic) + "(?![A-Za-z0-9._-])").matcher(script).find()) {
                problems.add("service '%s': does not create topic %s".formatted(TOPIC_INIT, topic));
            }
        }
        return problems;
    }

    /** The services with a Kafka client, by their {@code KAFKA_BOOTSTRAP_SERVERS}. */
    static Set<String> kafkaClients(Map<String, Object> compose) {
        Set<String> clients = new TreeSet<>();
        services(compose).forEach((name, service) -> {
            if (environment(service).containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                clients.add(name);
            }
        });
        return clients;
    }

    /** With topics created by a job only, a client that starts before it finished meets no topics. */
    static List<String> kafkaClientProblems(Map<String, Object> compose) {
        Map<String, Map<String, Object>> services = services(compose);
        List<String> problems = new ArrayList<>();
        for (String name : kafkaClients(compose)) {
            String condition = dependencyCondition(services.get(name), TOPIC_INIT);
            if (!COMPLETED.equals(condition)) {
                problems.add("service '%s': uses Kafka but does not wait for %s (depends_on condition %s), was %s"
                        .formatted(name, TOPIC_INIT, COMPLETED, condition == null ? "no dependency" : condition));
            }
        }
        return problems;
    }

    /**
     * What makes {@code docker compose up --scale <service>=N} fail or misbehave: a fixed container name, a
     * fixed host port (the second instance cannot bind it), a static Kafka group member id (instances
     * sharing one fence each other off).
     */
    static List<String> scalingProblems(Map<String, Object> compose, Set<String> scaled) {
        Map<String, Map<String, Object>> services = services(compose);
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(scaled)) {
            Map<String, Object> service = services.get(name);
            if (service == null) {
                problems.add("service '%s': not defined".formatted(name));
                continue;
            }
            if (service.containsKey("container_name")) {
                problems.add("service '%s': container_name %s allows one container only".formatted(name, service.get("container_name")));
            }
            for (PublishedPort port : publishedPorts(service)) {
                if (port.hostPort().matches("[0-9]+")) {
                    problems.add("service '%s': publishes the fixed host port %s, which a second instance cannot bind"
                            .formatted(name, port));
                }
            }
            for (String key : environment(service).keySet()) {
                String normalised = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
                if (normalised.contains("INSTANCE_ID")) {
                    problems.add("service '%s': %s gives every instance the same static group member id".formatted(name, key));
                }
            }
        }
        return problems;
    }

    static List<String> undocumentedVariables(String composeText, String envExampleText) {
        Set<String> documented = envExampleText.lines()
                .map(String::trim)
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).trim())
                .collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        Matcher matcher = SETTING_VARIABLE_NAME.matcher(composeText);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        used.removeAll(documented);
        return used.stream()
                .map(variable -> "variable %s is used by docker-compose.yml but missing from .env.example"
                        .formatted(variable))
                .toList();
    }

    // ---------------------------------------------------------------- reading the file

    /** The topics the event catalogue and every service's Spring configuration name. */
    static Set<String> platformTopics(Path root) throws IOException {
        Set<String> topics = new TreeSet<>();
        Map<String, Object> catalog = parse(Files.readString(root.resolve("schemas/events/catalog.json")));
        asMap(catalog.get("topics")).values().forEach(topic -> topics.add(text(topic)));
        for (Path configuration : applicationConfigurations(root)) {
            topics.addAll(topicsNamedIn(parse(Files.readString(configuration))));
        }
        return topics;
    }

    /** Every {@code src/main/resources/application*.yml}; build output and hidden directories left out. */
    static List<Path> applicationConfigurations(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(root)
                        && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (name.matches("application(-[A-Za-z0-9]+)?\\.ya?ml")
                        && file.getParent().endsWith(Path.of("src", "main", "resources"))) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** Values of keys named {@code topic}, {@code *-topic}, or under {@code topics}; a placeholder gives its default. */
    static Set<String> topicsNamedIn(Map<String, Object> configuration) {
        Set<String> topics = new TreeSet<>();
        collectTopics(configuration, false, topics);
        return topics;
    }

    private static void collectTopics(Map<String, Object> node, boolean underTopics, Set<String> topics) {
        node.forEach((key, value) -> {
            String name = key.toLowerCase(Locale.ROOT);
            boolean topicKey = underTopics || name.equals("topic") || name.endsWith("-topic") || name.equals("topics");
            if (value instanceof Map<?, ?>) {
                collectTopics(asMap(value), name.equals("topics"), topics);
            } else if (value instanceof List<?> list && topicKey) {
                list.forEach(item -> topics.add(withoutPlaceholder(text(item))));
            } else if (value instanceof String topic && topicKey) {
                topics.add(withoutPlaceholder(topic.trim()));
            }
        });
    }

    private static String withoutPlaceholder(String value) {
        Matcher placeholder = PLACEHOLDER_WITH_DEFAULT.matcher(value);
        return placeholder.matches() ? placeholder.group(1) : value;
    }

    /** The condition a service waits for on another: the long form's, {@code service_started} for the short form, null if none. */
    static String dependencyCondition(Map<String, Object> service, String dependency) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof List<?> list) {
            return list.stream().map(String::valueOf).anyMatch(dependency::equals) ? "service_started" : null;
        }
        Map<String, Object> dependencies = asMap(dependsOn);
        if (!dependencies.containsKey(dependency)) {
            return null;
        }
        Object condition = asMap(dependencies.get(dependency)).get("condition");
        return condition == null ? "service_started" : text(condition);
    }

    static Path findProjectRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory holding both docker-compose.yml and mvnw at or above " + start);
    }

    static Map<String, Object> parse(String yamlText) {
        return asMap(new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText));
    }

    static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        asMap(compose.get("services")).forEach((name, definition) -> services.put(name, asMap(definition)));
        return services;
    }

    /** Both forms: a map ({@code KEY: value}) or a list ({@code - KEY=value}, {@code - KEY} passes the host's). */
    static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int equals = entry.indexOf('=');
                if (equals < 0) {
                    result.put(entry.trim(), null);
                } else {
                    result.put(entry.substring(0, equals).trim(), entry.substring(equals + 1));
                }
            }
        }
        return result;
    }

    /** The command a healthcheck runs, or "" when it has none (missing, empty, or {@code ["NONE"]}). */
    static String healthcheckCommand(Map<String, Object> healthcheck) {
        Object test = healthcheck.get("test");
        if (test instanceof List<?> parts) {
            if (parts.isEmpty() || !Set.of("CMD", "CMD-SHELL").contains(String.valueOf(parts.get(0)))) {
                return "";
            }
            return parts.subList(1, parts.size()).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(" "))
                    .trim();
        }
        return text(test); // a plain string runs through the container's shell, like CMD-SHELL
    }

    static Optional<String> imageTag(String image) {
        int digest = image.indexOf('@');
        String reference = digest < 0 ? image : image.substring(0, digest);
        int colon = reference.lastIndexOf(':');
        // A colon before the last slash belongs to a registry port (localhost:5000/name), not to a tag.
        return colon > reference.lastIndexOf('/') ? Optional.of(reference.substring(colon + 1)) : Optional.empty();
    }

    static List<PublishedPort> publishedPorts(Map<String, Object> service) {
        return asList(service.get("ports")).stream().map(PublishedPort::of).toList();
    }

    static List<Mount> mounts(Map<String, Object> service) {
        return asList(service.get("volumes")).stream().map(Mount::of).toList();
    }

    static List<String> arguments(Object command) {
        if (command instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String line = text(command);
        return line.isEmpty() ? List.of() : List.of(line.split("\\s+"));
    }

    static boolean isRequiredVariable(String value) {
        return value != null && REQUIRED_VARIABLE.matcher(value.trim()).matches();
    }

    static Set<String> commaSeparated(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.toSet());
    }

    /** The names of the services that the problems name, in order. */
    static List<String> offenders(List<String> problems) {
        return problems.stream()
                .map(OFFENDER::matcher)
                .filter(Matcher::lookingAt)
                .map(matcher -> matcher.group(1))
                .toList();
    }

    static Map<String, Object> asMap(Object value) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> result.put(String.valueOf(key), entry));
        }
        return result;
    }

    static List<Object> asList(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    static String text(Object value) {
        return value == null ? "" : String.valueOf(value).trim();
    }

    /** One entry of {@code ports:}; an empty host IP means every interface of the host. */
    record PublishedPort(String hostIp, String hostPort, String containerPort) {

        /** Short syntax {@code [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]} or the long map syntax. */
        static PublishedPort of(Object entry) {
            if (entry instanceof Map<?, ?> longSyntax) {
                return new PublishedPort(text(longSyntax.get("host_ip")), text(longSyntax.get("published")),
                        text(longSyntax.get("target")));
            }
            String spec = text(entry);
            int protocol = spec.indexOf('/');
            if (protocol >= 0) {
                spec = spec.substring(0, protocol);
            }
            int containerColon = spec.lastIndexOf(':');
            String host = containerColon < 0 ? "" : spec.substring(0, containerColon);
            int hostColon = host.lastIndexOf(':');
            return new PublishedPort(hostColon < 0 ? "" : host.substring(0, hostColon),
                    host.substring(hostColon + 1), spec.substring(containerColon + 1));
        }

        @Override
        public String toString() {
            return (hostIp.isEmpty() ? "*" : hostIp) + ":" + (hostPort.isEmpty() ? "<random>" : hostPort)
                    + "->" + containerPort;
        }
    }

    /** One entry of {@code volumes:} in a service; only a named volume must be declared at the top level. */
    record Mount(String source, String target, boolean namedVolume) {

        static Mount of(Object entry) {
            if (entry instanceof Map<?, ?> longSyntax) {
                String source = text(longSyntax.get("source"));
                boolean named = "volume".equals(text(longSyntax.get("type"))) && !source.isEmpty();
                return new Mount(source, text(longSyntax.get("target")), named);
            }
            String[] parts = text(entry).split(":");
            if (parts.length < 2) {
                return new Mount("", parts[0], false); // anonymous volume
            }
            String source = parts[0];
            // A path (or an interpolated one) is a bind mount, anything else names a volume.
            boolean path = source.startsWith("/") || source.startsWith(".") || source.startsWith("~")
                    || source.startsWith("$");
            return new Mount(source, parts[1], !path);
        }
    }
}
