package dev.panorama.rebuild.cli;

import dev.panorama.rebuild.archive.ArchiveWriter;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import dev.panorama.rebuild.archiver.Archiver;
import dev.panorama.rebuild.archiver.ArchiverSettings;
import dev.panorama.rebuild.archiver.LivenessFile;
import dev.panorama.rebuild.archiver.SegmentLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code archive}: runs the archiver until SIGTERM or Ctrl-C. */
@Command(name = "archive", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    header = "Copy the event topics into the archive until stopped.",
    description = {
        "Copies the event topics into the archive, record for record, and keeps doing so until stopped (SIGTERM or Ctrl-C:"
            + " what is buffered is sealed first). Reads with isolation.level=read_committed in its own consumer group.",
        "Where to continue comes from the archive's manifests, not from committed offsets: a restart after a crash resumes"
            + " exactly after the last sealed segment, and offsets already archived are never archived twice.",
        "A segment is sealed when it reaches --segment-max-records, --segment-max-bytes or --segment-max-age, whichever"
            + " comes first.", ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "143:stopped by SIGTERM (130: by Ctrl-C) after sealing what it held, as for any JVM ended by a signal",
        "1:failed: Kafka, the archive directory or the file system (the message says which)",
        "2:invalid options (a one-line reason is printed)"})
final class ArchiveCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:19092}", paramLabel = "HOST:PORT[,...]",
        description = "Kafka brokers. Default: ${DEFAULT-VALUE} (environment KAFKA_BOOTSTRAP_SERVERS; 19092 is dev mode's).")
    private String bootstrapServers;

    @Option(names = "--archive-dir", defaultValue = "${env:PANORAMA_ARCHIVE_DIR:-archive}", paramLabel = "DIR",
        description = "The archive's root directory, created if absent. Default: ${DEFAULT-VALUE} (environment PANORAMA_ARCHIVE_DIR).")
    private Path archiveDirectory;

    @Option(names = "--topics", split = ",", paramLabel = "TOPIC",
        description = "Topics to archive. Default: the four FTGO event topics, " + "ftgo.consumer.events, ftgo.restaurant.events,"
            + " ftgo.order.events, ftgo.delivery.events.")
    private List<String> topics;

    @Option(names = "--topic-pattern", converter = Converters.PatternConverter.class, paramLabel = "REGEX",
        description = "Archive every topic matching this Java regular expression instead, e.g. 'ftgo\\..*\\.events';"
            + " topics created later are picked up.")
    private Pattern topicPattern;

    @Option(names = "--group-id", defaultValue = ArchiverSettings.DEFAULT_GROUP_ID, paramLabel = "ID",
        description = "Consumer group; several archivers in one group share the partitions. Default: ${DEFAULT-VALUE}.")
    private String groupId;

    @Option(names = "--instance-id", defaultValue = "${env:PANORAMA_ARCHIVER_INSTANCE_ID}", paramLabel = "ID",
        description = "Static group membership (group.instance.id), e.g. the host or pod name: a restarted archiver with the"
            + " same id takes its partitions back at once instead of once the group gives up on the old member (45 s). Default: none"
            + " (environment PANORAMA_ARCHIVER_INSTANCE_ID).")
    private String instanceId;

    @Option(names = "--segment-max-records", defaultValue = "50000", paramLabel = "N",
        description = "Records per segment at most. Default: ${DEFAULT-VALUE}.")
    private int maxRecords;

    @Option(names = "--segment-max-bytes", defaultValue = "64MiB", converter = Converters.SizeConverter.class, paramLabel = "SIZE",
        description = "Uncompressed bytes per segment at most (512KiB, 64MiB, 1GiB). Default: ${DEFAULT-VALUE}.")
    private long maxBytes;

    @Option(names = "--segment-max-age", defaultValue = "60s", converter = Converters.DurationConverter.class, paramLabel = "TIME",
        description = "Longest a record waits in memory before its segment is sealed (500ms, 30s, 5m, PT1M). Default: ${DEFAULT-VALUE}.")
    private Duration maxAge;

    @Option(names = "--status-interval", defaultValue = "30s", converter = Converters.DurationConverter.class, paramLabel = "TIME",
        description = "How often to print a status line. Default: ${DEFAULT-VALUE}.")
    private Duration statusInterval;

    @Option(names = "--alive-file", defaultValue = "${env:PANORAMA_ARCHIVER_ALIVE_FILE}", paramLabel = "FILE",
        description = "Touch this file every 5 s while the archiving loop runs, for a health check that finds a stuck loop"
            + " (e.g. find FILE -mmin -1). Default: none (environment PANORAMA_ARCHIVER_ALIVE_FILE).")
    private Path aliveFile;

    private final PrintStream out;

    ArchiveCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (topics != null && topicPattern != null) {
            throw new IllegalArgumentException("give either --topics or --topic-pattern, not both");
        }
        ArchiverSettings settings = new ArchiverSettings(bootstrapServers, groupId, instanceId,
            topicPattern != null ? List.of() : topics != null ? topics : ArchiverSettings.EVENT_TOPICS, topicPattern,
            new SegmentLimits(maxRecords, maxBytes, maxAge), statusInterval);
        LocalDirectoryArchiveStore store = new LocalDirectoryArchiveStore(archiveDirectory);
        out.println("archiver: archive at " + store.root());
        Archiver archiver = new Archiver(settings, new ArchiveWriter(store), out);
        if (aliveFile != null) {
            archiver.onEachLoop(new LivenessFile(aliveFile, Duration.ofSeconds(5), Clock.systemUTC()));
        }
        Thread onSignal = new Thread(() -> stopAndWait(archiver), "archiver-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            archiver.run();
        } finally {
            removeHook(onSignal);
        }
        return ExitCodes.OK;
    }

    private void stopAndWait(Archiver archiver) {
        archiver.stop();
        try {
            if (!archiver.awaitStopped(Duration.ofSeconds(30))) {
                out.println("archiver: did not stop within 30 s; what it still held is archived again on the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down (the hook itself stopped us): nothing to remove.
        }
    }
}
