package dev.panorama.loadgen;

import dev.panorama.loadgen.ProcessCpu.Group;
import dev.panorama.loadgen.ProcessCpu.Key;
import dev.panorama.loadgen.ProcessCpu.Snapshot;
import dev.panorama.loadgen.ProcessCpu.Used;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessCpuTest {

    private static final Instant T0 = Instant.parse("2026-11-27T15:00:00Z");

    @Test
    void devModeProcessesAreToldApartByTheirCommandLines() {
        assertThat(ProcessCpu.classify("/usr/lib/jvm/bin/java", "java -cp devstack/engines/target/classes:… dev.panorama.devstack.dev.DevStackMain "
            + "--service order-service --service query-api")).isEqualTo(Group.DEV_STACK);
        assertThat(ProcessCpu.classify("/usr/lib/jvm/bin/java", "java -Xmx384m -XX:+UseSerialGC -jar /w/command-side/order-service/target/"
            + "panorama-order-service-0.1.0-SNAPSHOT.jar")).isEqualTo(Group.ORDER_SERVICE);
        assertThat(ProcessCpu.classify("/usr/lib/jvm/bin/java", "java -jar /w/command-side/delivery-service/target/panorama-delivery-service.jar"))
            .isEqualTo(Group.DELIVERY_SERVICE);
        assertThat(ProcessCpu.classify("/usr/lib/jvm/bin/java", "java -jar /w/command-side/restaurant-service/target/panorama-restaurant-service.jar"))
            .isEqualTo(Group.OTHER_SERVICES);
        assertThat(ProcessCpu.classify("/tmp/pg/bin/postgres", "postgres: postgres postgres 127.0.0.1(40112) idle")).isEqualTo(Group.POSTGRES);
        assertThat(ProcessCpu.classify("/usr/lib/jvm/bin/java", "java -cp … dev.panorama.devstack.esnode.ElasticsearchNodeMain /tmp/es 19200"))
            .isEqualTo(Group.ELASTICSEARCH);
        assertThat(ProcessCpu.classify("/usr/lib/jvm/bin/java", "java -jar /w/view-builder/target/panorama-view-builder.jar")).isEqualTo(Group.VIEW_BUILDER);
        assertThat(ProcessCpu.classify("/usr/lib/jvm/bin/java", "java -jar /w/query-api/target/panorama-query-api.jar")).isEqualTo(Group.QUERY_API);
        assertThat(ProcessCpu.classify("/usr/lib/jvm/bin/java", "java -jar view-rebuild-tool/target/panorama-view-rebuild-tool.jar archive"))
            .isEqualTo(Group.ARCHIVER);
        assertThat(ProcessCpu.classify("/usr/lib/jvm/bin/java", "java -Xmx128m -jar command-side/load-generator/target/panorama-load-generator.jar "
            + "--rate 180")).isEqualTo(Group.LOAD_GENERATOR);
        assertThat(ProcessCpu.classify("/usr/bin/bash", "bash bench/freshness.sh")).isEqualTo(Group.OTHER);
    }

    @Test
    void sharesAreCpuTimeOverWallTimeAndANewProcessCountsFromItsStart() {
        Key builder = new Key(10, T0);
        Key api = new Key(11, T0);
        Key reusedPid = new Key(11, T0.plusSeconds(30));
        Snapshot before = new Snapshot(T0.plusSeconds(10), Map.of(
            builder, new Used(Group.VIEW_BUILDER, Duration.ofSeconds(100)),
            api, new Used(Group.QUERY_API, Duration.ofSeconds(40))));
        Snapshot after = new Snapshot(T0.plusSeconds(70), Map.of(
            builder, new Used(Group.VIEW_BUILDER, Duration.ofSeconds(130)),
            reusedPid, new Used(Group.QUERY_API, Duration.ofSeconds(6))));

        Map<Group, Double> shares = ProcessCpu.shares(before, after);

        assertThat(shares.get(Group.VIEW_BUILDER)).isCloseTo(50.0, within(1e-9));
        assertThat(shares.get(Group.QUERY_API)).as("the pid came back as another process: its own time only").isCloseTo(10.0, within(1e-9));
    }

    @Test
    void aSnapshotOfThisMachineFindsThisJvm() {
        Snapshot snapshot = ProcessCpu.take();

        assertThat(snapshot.processes()).hasEntrySatisfying(
            new Key(ProcessHandle.current().pid(), ProcessHandle.current().info().startInstant().orElseThrow()),
            used -> assertThat(used.group()).isEqualTo(Group.BENCHMARK));
    }
}
