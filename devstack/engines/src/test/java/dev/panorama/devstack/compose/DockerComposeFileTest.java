package dev.panorama.devstack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** {@code ${NAME:?message}}: Compose refuses to start while NAME is unset or empty. */
    private static final Pattern REQUIRED_VARIABLE =
            Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:\\?[^}]*\\}");

    private static final Pattern REQUIRED_VARIABLE_NAME =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):\\?");

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
    void documentsEveryRequiredVariableInEnvExample() throws IOException {
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
                """);

        assertThat(offenders(healthcheckProblems(candidate)))
                .containsExactlyInAnyOrder("none", "disabled", "opted-out", "empty-command", "long-running-on-demand");
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
    void reportsARequiredVariableMissingFromEnvExample() {
        String composeText = """
                services:
                  app:
                    image: app:1.0
                    environment:
                      A_PASSWORD: "${A_PASSWORD:?set it}"
                      B_PASSWORD: "${B_PASSWORD:?set it}"
                      HOME_DIR: "$${HOME}"
                """;
        String envExample = """
                A_PASSWORD=change-me
                # B_PASSWORD=change-me
                """;

        assertThat(undocumentedVariables(composeText, envExample))
                .singleElement().asString().contains("B_PASSWORD");
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

    /** Every long-running service needs one; a one-shot job (on-demand profile, never restarted) has nothing to probe. */
    static List<String> healthcheckProblems(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> {
            if (service.containsKey("profiles") && "no".equals(String.valueOf(service.get("restart")))) {
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

    static List<String> undocumentedVariables(String composeText, String envExampleText) {
        Set<String> documented = envExampleText.lines()
                .map(String::trim)
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).trim())
                .collect(Collectors.toSet());
        Set<String> required = new TreeSet<>();
        Matcher matcher = REQUIRED_VARIABLE_NAME.matcher(composeText);
        while (matcher.find()) {
            required.add(matcher.group(1));
        }
        required.removeAll(documented);
        return required.stream()
                .map(variable -> "variable %s is required by docker-compose.yml but missing from .env.example"
                        .formatted(variable))
                .toList();
    }

    // ---------------------------------------------------------------- reading the file

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
