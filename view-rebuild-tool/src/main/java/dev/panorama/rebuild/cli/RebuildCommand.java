package dev.panorama.rebuild.cli;

import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.snapshot.SnapshotArchive;
import dev.panorama.rebuild.switchover.ViewRebuild;
import dev.panorama.rebuild.views.LiveGroup;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.projection.ViewCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code rebuild <view> --to-version N}: builds a view version from the archive beside the live one and switches readers to it. */
@Command(name = "rebuild", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    header = "Build another version of a view from the archive while the current one keeps serving, then switch readers to it.",
    description = {
        "Registers the version as building (the live view builder writes it from its next batch), takes the live group's committed"
            + " offsets as the handover line, folds the archive below the line, writes every document, verifies the count and a sample"
            + " field by field, and switches readers in one step (Elasticsearch alias / MongoDB registry). The old version stays"
            + " maintained for a rollback until 'retire'.",
        "Run again after a crash or Ctrl-C: it resumes from its checkpoint. The live view builder must run the release that knows"
            + " the new version.", ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:built (and switched, unless --no-switch or --dry-run)",
        "1:failed: Kafka, Elasticsearch, MongoDB or the archive directory (the message says which); run again to resume",
        "2:invalid options or arguments",
        "3:the archive is corrupted, or the built version does not match it: nothing was switched",
        "4:refused an unsafe operation (unknown view, version already active, missing archive, archive behind): nothing changed;"
            + " or the fold read more unreadable events than --max-unreadable allows: nothing written"})
final class RebuildCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VIEW", description = "The view: order-history, order-details, available-restaurants, consumer-summary.")
    private String view;

    @Option(names = "--to-version", required = true, paramLabel = "N", description = "The version to build.")
    private int version;

    @Mixin
    private ArchiveDirectoryOption archive;

    @Mixin
    private ViewStoreOptions stores;

    @Option(names = "--handover-wait", defaultValue = "60s", converter = Converters.DurationConverter.class, paramLabel = "TIME",
        description = "How long to wait for every live view builder to say it writes the new version (they re-read the registry every"
            + " second and say so at their next batch; heartbeats make an idle one take a batch too). Default: ${DEFAULT-VALUE}.")
    private Duration handoverWait;

    @Option(names = "--archive-wait", defaultValue = "5m", converter = Converters.DurationConverter.class, paramLabel = "TIME",
        description = "How long to wait for the archiver to reach the handover line. Default: ${DEFAULT-VALUE}.")
    private Duration archiveWait;

    @Option(names = "--sample", defaultValue = "1000", paramLabel = "N",
        description = "Documents compared field by field with the archive's fold before the switch. Default: ${DEFAULT-VALUE}.")
    private int sample;

    @Option(names = "--batch", defaultValue = "1000", paramLabel = "N", description = "Documents per bulk write. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--max-unreadable", defaultValue = "1", paramLabel = "PERCENT",
        description = "Refuse to write when more than this share of the archived events read is unreadable: the live view builder dead-letters"
            + " them too, but a share that high means the tool reads them wrongly. Default: ${DEFAULT-VALUE} %%.")
    private double maxUnreadablePercent;

    @Option(names = "--no-snapshots", description = "Fold the whole archive even where a snapshot in it would save parsing the older events.")
    private boolean noSnapshots;

    @Option(names = "--no-switch", description = "Build and verify, keep the version maintained, but leave readers where they are ('switch' later).")
    private boolean noSwitch;

    @Option(names = "--dry-run", description = "Check everything and print the plan; change nothing.")
    private boolean dryRun;

    private final PrintStream out;

    RebuildCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (sample < 0 || batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("--sample must be 0 or more and --batch between 1 and 10000");
        }
        if (!(maxUnreadablePercent >= 0 && maxUnreadablePercent <= 100)) {
            throw new IllegalArgumentException("--max-unreadable is a percentage from 0 to 100");
        }
        ArchiveReader reader = archive.reader();
        ProgressBar bar = new ProgressBar(out, System.console() != null);
        try (ViewStoreOptions.Connections connections = stores.connect(); LiveGroup live = stores.liveGroup()) {
            ViewRebuild rebuild = new ViewRebuild(ViewCatalog.ftgo(), connections.stores(), connections.checkpoints(), reader,
                new SnapshotArchive(archive.store()), live, new EventReader(), Clock.systemUTC());
            long[] lastSaved = {0};
            ViewRebuild.Result result = rebuild.run(new ViewRebuild.Settings(view, version, stores.topicPrefix, handoverWait, archiveWait, sample,
                batch, !noSwitch, dryRun, !noSnapshots, maxUnreadablePercent), new ViewRebuild.Listener() {
                    @Override
                    public void say(String line) {
                        bar.finishLine();
                        out.println(line);
                    }

                    @Override
                    public void progress(String step, long done, long total) {
                        double[] rate = bar.update(step, done, total);
                        long now = System.nanoTime();
                        // Operators read the same progress over HTTP; once a second is enough for them.
                        if (now - lastSaved[0] > 1_000_000_000L || done >= total) {
                            lastSaved[0] = now;
                            connections.checkpoints().progress(view, version, step, done, total, rate[0], (long) rate[1]);
                        }
                    }
                });
            bar.finishLine();
            if (!dryRun) {
                out.println("done: " + result.view() + " v" + result.version() + ", " + result.documents() + " documents from the archive"
                    + (result.switched() ? ", readers switched" : ", readers not switched"));
            }
        }
        return ExitCodes.OK;
    }
}
