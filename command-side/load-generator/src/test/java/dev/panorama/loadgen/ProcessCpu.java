package dev.panorama.loadgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where this machine's cores went during a run: the CPU time of every process between two snapshots,
 * grouped by what the process is in the dev stack (a service, an engine, the benchmark itself). A
 * process that started in between counts from its start; one that ended in between is not counted.
 */
final class ProcessCpu {

    /** What a process is, in the order the report shows them. */
    enum Group {
        ORDER_SERVICE("order service"),
        DELIVERY_SERVICE("delivery service"),
        OTHER_SERVICES("consumer + restaurant services"),
        POSTGRES("PostgreSQL"),
        DEV_STACK("dev stack JVM (Kafka, MongoDB)"),
        ELASTICSEARCH("Elasticsearch"),
        VIEW_BUILDER("view builder"),
        QUERY_API("query API"),
        ARCHIVER("archiver"),
        LOAD_GENERATOR("load generator"),
        BENCHMARK("probe (this JVM)"),
        OTHER("other processes");

        final String label;

        Group(String label) {
            this.label = label;
        }
    }

    /** CPU time used so far per process (pid and start, so that a reused pid is another process). */
    record Snapshot(Instant at, Map<Key, Used> processes) {
    }

    record Key(long pid, Instant started) {
    }

    record Used(Group group, Duration cpu) {
    }

    private ProcessCpu() {
    }

    static Snapshot take() {
        Map<Key, Used> processes = new HashMap<>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(process -> {
            ProcessHandle.Info info = process.info();
            Optional<Duration> cpu = info.totalCpuDuration();
            Optional<Instant> started = info.startInstant();
            if (cpu.isPresent() && started.isPresent()) {
                Group group = process.pid() == self ? Group.BENCHMARK : classify(info.command().orElse(""), commandLine(process));
                processes.put(new Key(process.pid(), started.get()), new Used(group, cpu.get()));
            }
        });
        return new Snapshot(Instant.now(), processes);
    }

    /** Per group, the share of one core used between the snapshots, in percent (two busy cores make 200). */
    static Map<Group, Double> shares(Snapshot before, Snapshot after) {
        double wallNanos = Duration.between(before.at(), after.at()).toNanos();
        Map<Group, Double> shares = new EnumMap<>(Group.class);
        if (wallNanos <= 0) {
            return shares;
        }
        after.processes().forEach((key, used) -> {
            Used earlier = before.processes().get(key);
            Duration spent = earlier == null ? used.cpu() : used.cpu().minus(earlier.cpu());
            shares.merge(used.group(), 100.0 * spent.toNanos() / wallNanos, Double::sum);
        });
        return shares;
    }

    /**
     * The whole command line: {@code ProcessHandle.Info} cuts long ones short, and the JVMs that dev mode starts
     * with a class path (its own, Elasticsearch's) name their main class only after thousands of characters.
     */
    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ').trim();
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return process.info().commandLine().orElse("");
        }
    }

    /** From the executable and the command line, as dev mode starts each process. */
    static Group classify(String command, String commandLine) {
        if (commandLine.contains("DevStackMain")) {
            return Group.DEV_STACK; // before the services: its own command line names them
        }
        if (commandLine.contains("ElasticsearchNodeMain")) {
            return Group.ELASTICSEARCH;
        }
        if (command.endsWith("/postgres") || commandLine.startsWith("postgres")) {
            return Group.POSTGRES;
        }
        if (commandLine.contains("order-service")) {
            return Group.ORDER_SERVICE;
        }
        if (commandLine.contains("delivery-service")) {
            return Group.DELIVERY_SERVICE;
        }
        if (commandLine.contains("consumer-service") || commandLine.contains("restaurant-service")) {
            return Group.OTHER_SERVICES;
        }
        if (commandLine.contains("view-builder")) {
            return Group.VIEW_BUILDER;
        }
        if (commandLine.contains("query-api")) {
            return Group.QUERY_API;
        }
        if (commandLine.contains("view-rebuild-tool")) {
            return Group.ARCHIVER;
        }
        if (commandLine.contains("load-generator") && commandLine.contains("-jar")) {
            return Group.LOAD_GENERATOR;
        }
        return Group.OTHER;
    }
}
