package dev.panorama.rebuild.cli;

import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.replay.ViewComparison;
import dev.panorama.rebuild.switchover.ViewVerification;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.projection.ViewCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code verify <view>}: the consistency checker. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    header = "Fold the whole archive through a view's projection and compare every stored document with it.",
    description = {
        "Reports documents missing from the view, extra in it, and differing field by field. Documents the live builder made from"
            + " events the archive does not hold yet are counted as ahead, not as wrong: run it when the archiver has caught up.", ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the view matches the archive",
        "1:failed: Elasticsearch, MongoDB or the archive directory (the message says which)",
        "2:invalid options or arguments",
        "3:the view differs from the archive (or the archive is corrupted)",
        "4:refused: unknown view or version"})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VIEW", description = "The view.")
    private String view;

    @Option(names = "--version", paramLabel = "N", description = "The version to check. Default: the one readers see.")
    private Integer version;

    @Mixin
    private ArchiveDirectoryOption archive;

    @Mixin
    private ViewStoreOptions stores;

    private final PrintStream out;

    VerifyCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        ArchiveReader reader = archive.reader();
        ProgressBar bar = new ProgressBar(out, System.console() != null);
        try (ViewStoreOptions.Connections connections = stores.connect()) {
            ViewComparison.Report report = new ViewVerification(ViewCatalog.ftgo(), connections.stores(), reader, new EventReader())
                .verify(view, version, stores.topicPrefix, (done, total) -> bar.update("fold", done, total));
            bar.finishLine();
            out.println(view + ": " + report);
            report.examples().forEach(example -> out.println("  " + example));
            return report.clean() ? ExitCodes.OK : ExitCodes.CORRUPTED;
        }
    }
}
