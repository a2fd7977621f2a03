package dev.panorama.devstack.dev;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevStackOptionsTest {

    @Test
    void defaultsAvoidTheEnginesUsualPorts() {
        DevStackOptions options = DevStackOptions.parse(new String[0]);

        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.elasticsearchPort()).isEqualTo(19200);
        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.mongoPort()).isEqualTo(17017);
        assertThat(options.workDirectory()).isEqualTo(Path.of(".devstack"));
    }

    @Test
    void readsEveryOption() {
        DevStackOptions options = DevStackOptions.parse(new String[] {
            "--kafka-port", "1", "--elasticsearch-port", "2", "--postgres-port", "3", "--mongo-port", "0", "--work-dir", "/tmp/x",
            "--service", "view-builder=vb.jar", "--service", "query-api=q.jar", "--demo-data", "load.jar", "--archiver", "tool.jar"});

        assertThat(options).isEqualTo(new DevStackOptions(1, 2, 3, 0, Path.of("/tmp/x"),
            List.of(new ServiceSpec("view-builder", Path.of("vb.jar")), new ServiceSpec("query-api", Path.of("q.jar"))),
            Path.of("load.jar"), Path.of("tool.jar"), false));
    }

    @Test
    void rejectsBadValuesWithTheOptionName() {
        assertThatThrownBy(() -> DevStackOptions.parse(new String[] {"--kafka-port", "ninety"}))
            .hasMessage("--kafka-port ninety is not a number");
        assertThatThrownBy(() -> DevStackOptions.parse(new String[] {"--mongo-port", "70000"}))
            .hasMessage("--mongo-port 70000 is not a TCP port (0-65535)");
        assertThatThrownBy(() -> DevStackOptions.parse(new String[] {"--postgres-port"}))
            .hasMessage("--postgres-port needs a value");
        assertThatThrownBy(() -> DevStackOptions.parse(new String[] {"--color", "red"}))
            .hasMessage("unknown option --color");
        assertThatThrownBy(() -> DevStackOptions.parse(new String[] {"--service", "view-builder"}))
            .hasMessage("--service takes NAME=JAR, not view-builder");
    }
}
