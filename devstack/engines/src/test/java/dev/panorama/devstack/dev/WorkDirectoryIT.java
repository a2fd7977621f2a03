package dev.panorama.devstack.dev;

import dev.panorama.devstack.EngineStartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkDirectoryIT {

    @TempDir
    Path root;

    @Test
    void removesLeftoverDataOfAStackThatDied() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(root.resolve("devstack.pid"), Long.toString(finished.pid()));
        Files.createDirectories(root.resolve("data/postgres"));
        Files.writeString(root.resolve("data/postgres/PG_VERSION"), "17");
        List<String> report = new ArrayList<>();

        WorkDirectory claimed = WorkDirectory.claim(root, report::add);

        assertThat(report).singleElement().asString()
            .contains("Removing leftover data").contains("(pid " + finished.pid() + ")");
        assertThat(claimed.data()).doesNotExist();
        assertThat(Files.readString(root.resolve("devstack.pid"))).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void refusesADirectoryOwnedByARunningStack() throws IOException {
        Files.writeString(root.resolve("devstack.pid"), Long.toString(ProcessHandle.current().pid()));

        assertThatThrownBy(() -> WorkDirectory.claim(root, line -> { }))
            .isInstanceOf(EngineStartupException.class)
            .hasMessageContaining("another dev stack (pid " + ProcessHandle.current().pid() + ") is running");
    }

    @Test
    void releaseKeepsLogsAndFreesTheDirectory() throws IOException {
        WorkDirectory claimed = WorkDirectory.claim(root, line -> { });
        Files.writeString(claimed.logs().resolve("elasticsearch.log"), "started");
        Files.createDirectories(claimed.data());

        claimed.release();

        assertThat(claimed.data()).doesNotExist();
        assertThat(root.resolve("devstack.pid")).doesNotExist();
        assertThat(claimed.logs().resolve("elasticsearch.log")).exists();
    }
}
