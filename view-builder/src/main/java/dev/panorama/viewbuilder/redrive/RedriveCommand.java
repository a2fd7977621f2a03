package dev.panorama.viewbuilder.redrive;

import dev.panorama.views.adapter.kafka.Redrive;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar view-builder.jar redrive [--reason R] [--dry-run]}: the command line of
 * {@link Redrive} (shared with the query API's {@code POST /admin/dead-letters/redrive}). Kafka's address,
 * the dead-letter topic and the group come from the same environment as the service
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code PANORAMA_VIEWBUILDER_DEADLETTERTOPIC}, {@code PANORAMA_VIEWBUILDER_GROUPID}).
 */
public final class RedriveCommand {

    static final String USAGE = """
        usage: view-builder redrive [--reason REASON] [--dry-run]
          Replays the dead-letter topic onto the topics the records came from, up to its current end.
          --reason REASON  only dead letters with this reason (NOT_JSON, INVALID_ENVELOPE, UNKNOWN_EVENT_TYPE,
                           UNKNOWN_SCHEMA_VERSION, INVALID_PAYLOAD, INCONSISTENT, PARKED)
          --dry-run        list what would be redriven; publish and commit nothing
        Exit status: 0 done, 2 bad arguments, 1 Kafka failed.""";

    private RedriveCommand() {
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Optional<String> reason = Optional.empty();
        boolean dryRun = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--reason" -> {
                    if (i + 1 >= args.length) {
                        err.println("redrive: --reason needs a value");
                        err.println(USAGE);
                        return 2;
                    }
                    reason = Optional.of(args[++i]);
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("redrive: unknown argument " + args[i]);
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        String kafka = environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        String topic = environment.getOrDefault("PANORAMA_VIEWBUILDER_DEADLETTERTOPIC", "panorama.dead-letters");
        String group = Redrive.groupOf(environment.getOrDefault("PANORAMA_VIEWBUILDER_GROUPID", "panorama-view-builder"));
        try {
            Map<String, Integer> redriven = new Redrive(kafka, topic, group).run(reason, dryRun, out);
            out.println((dryRun ? "would redrive " : "redrove ") + redriven.values().stream().mapToInt(Integer::intValue).sum()
                + " dead letters from " + topic + " " + redriven);
            return 0;
        } catch (RuntimeException e) {
            err.println("redrive: " + e.getMessage());
            return 1;
        }
    }
}
