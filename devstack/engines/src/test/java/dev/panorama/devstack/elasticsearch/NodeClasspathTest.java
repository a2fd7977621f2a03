package dev.panorama.devstack.elasticsearch;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NodeClasspathTest {

    @Test
    void findsTheLauncherJarThatHoldsTheResource() throws Exception {
        URL resource = URI.create("jar:file:/repo/node.jar!/" + NodeClasspath.RESOURCE).toURL();

        assertThat(NodeClasspath.launcherLocation(resource)).isEqualTo(Path.of("/repo/node.jar"));
    }

    @Test
    void findsTheClassesDirectoryThatHoldsTheResource() throws Exception {
        URL resource = URI.create("file:/repo/target/classes/" + NodeClasspath.RESOURCE).toURL();

        assertThat(NodeClasspath.launcherLocation(resource)).isEqualTo(Path.of("/repo/target/classes"));
    }

    @Test
    void theRealResourceListsTheServerJars() {
        assertThat(NodeClasspath.resolve())
            .anySatisfy(entry -> assertThat(entry.getFileName().toString()).startsWith("elasticsearch-9."))
            .anySatisfy(entry -> assertThat(entry.getFileName().toString()).startsWith("transport-netty4-"));
    }
}
