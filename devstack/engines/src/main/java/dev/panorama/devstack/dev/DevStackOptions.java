package dev.panorama.devstack.dev;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of dev mode; every value is checked before anything starts. */
record DevStackOptions(int kafkaPort, int elasticsearchPort, int postgresPort, int mongoPort, Path workDirectory,
                       List<ServiceSpec> services, Path demoData, Path archiver, boolean help) {

    static final String USAGE = """
        usage: panorama dev [options]
          --kafka-port N          Kafka listener (default 19092)
          --elasticsearch-port N  Elasticsearch HTTP (default 19200)
          --postgres-port N       PostgreSQL (default 15432)
          --mongo-port N          MongoDB wire protocol (default 17017)
          --work-dir DIR          data and logs of this run (default .devstack)
          --service NAME=JAR      also run this Spring Boot service against the engines (repeatable)
          --demo-data JAR         once the services run, send demo traffic through them with this load generator
          --archiver JAR          archive every event into WORK-DIR/archive with this rebuild tool (for view rebuilds)
          --no-demo-data          (./panorama dev only) start with empty views: no demo traffic
          --help                  this text
        Port 0 picks any free port.""";

    static DevStackOptions parse(String[] args) {
        int kafka = 19092;
        int elasticsearch = 19200;
        int postgres = 15432;
        int mongo = 17017;
        Path workDirectory = DevStackMain.defaultWorkDirectory();
        List<ServiceSpec> services = new ArrayList<>();
        Path demoData = null;
        Path archiver = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new DevStackOptions(kafka, elasticsearch, postgres, mongo, workDirectory, List.of(), null, null, true);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unknown argument " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--kafka-port" -> kafka = port(option, value);
                case "--elasticsearch-port" -> elasticsearch = port(option, value);
                case "--postgres-port" -> postgres = port(option, value);
                case "--mongo-port" -> mongo = port(option, value);
                case "--work-dir" -> workDirectory = Path.of(value);
                case "--service" -> services.add(ServiceSpec.parse(value));
                case "--demo-data" -> demoData = Path.of(value);
                case "--archiver" -> archiver = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new DevStackOptions(kafka, elasticsearch, postgres, mongo, workDirectory, List.copyOf(services), demoData, archiver, false);
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(option + " " + value + " is not a TCP port (0-65535)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + " is not a number");
        }
    }
}
