package dev.panorama.rebuild.cli;

import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.runtime.ViewVersions.VersionSet;
import dev.panorama.views.versions.VersionSwitch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The commands that move readers between built versions, end a rollback window or stop a rebuild, and the status of them all. */
final class VersionCommands {

    private VersionCommands() {
    }

    private static VersionSwitch versionSwitch(ViewStoreOptions.Connections connections) {
        return connections.stores().versionSwitch(ViewCatalog.ftgo(), Clock.systemUTC());
    }

    private static String describe(VersionSet set) {
        return set.view() + ": readers see v" + set.active() + (set.building() == null ? "" : ", v" + set.building() + " is being built")
            + (set.previous() == null ? "" : ", v" + set.previous() + " is kept for a rollback");
    }

    /** A command that changes the versions of one view and prints where its readers are afterwards. */
    private abstract static class OneViewCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "VIEW", description = "The view.")
        String view;

        @Mixin
        ViewStoreOptions stores;

        private final PrintStream out;
        private final String done;

        OneViewCommand(PrintStream out, String done) {
            this.out = out;
            this.done = done;
        }

        abstract VersionSet change(ViewStoreOptions.Connections connections);

        @Override
        public Integer call() {
            try (ViewStoreOptions.Connections connections = stores.connect()) {
                out.println(done + ": " + describe(change(connections)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "switch", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Point readers at a version built with 'rebuild --no-switch'; the current one is kept for a rollback.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:switched", "1:failed (the message says which store)", "2:invalid options",
            "4:refused: the version is not built or already active; nothing changed"})
    static final class SwitchCommand extends OneViewCommand {

        @Option(names = "--to-version", required = true, paramLabel = "N", description = "The built version readers should see.")
        private int version;

        SwitchCommand(PrintStream out) {
            super(out, "switched");
        }

        @Override
        VersionSet change(ViewStoreOptions.Connections connections) {
            return versionSwitch(connections).switchTo(view, version);
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Point readers back at the previous version of a view (a second rollback rolls forward again).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rolled back", "1:failed (the message says which store)", "2:invalid options",
            "4:refused: no previous version, or a rebuild is under way; nothing changed"})
    static final class RollbackCommand extends OneViewCommand {

        RollbackCommand(PrintStream out) {
            super(out, "rolled back");
        }

        @Override
        VersionSet change(ViewStoreOptions.Connections connections) {
            return versionSwitch(connections).rollback(view);
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "End the rollback window: stop maintaining the previous version of a view and drop its index or collection.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:retired", "1:failed (the message says which store)", "2:invalid options", "4:refused: no previous version"})
    static final class RetireCommand extends OneViewCommand {

        RetireCommand(PrintStream out) {
            super(out, "retired");
        }

        @Override
        VersionSet change(ViewStoreOptions.Connections connections) {
            return versionSwitch(connections).retire(view);
        }
    }

    @Command(name = "abandon", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Stop a rebuild: its version is no longer maintained and what it wrote is dropped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:abandoned", "1:failed (the message says which store)", "2:invalid options", "4:refused: no rebuild under way"})
    static final class AbandonCommand extends OneViewCommand {

        AbandonCommand(PrintStream out) {
            super(out, "abandoned");
        }

        @Override
        VersionSet change(ViewStoreOptions.Connections connections) {
            return versionSwitch(connections).abandon(view, connections.checkpoints());
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Show, per view, the version readers see, one being built (with its progress) and one kept for a rollback.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:failed (MongoDB)", "2:invalid options"})
    static final class VersionsCommand implements Callable<Integer> {

        @Mixin
        private ViewStoreOptions stores;

        private final PrintStream out;

        VersionsCommand(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            try (ViewStoreOptions.Connections connections = stores.connect()) {
                var all = connections.stores().registry().all();
                if (all.isEmpty()) {
                    out.println("no views registered: the view builder has not run against this database");
                }
                for (VersionSet set : all.values()) {
                    out.println(describe(set));
                    if (set.building() != null) {
                        connections.checkpoints().find(set.view(), set.building()).ifPresent(checkpoint -> out.println(String.format(Locale.ROOT,
                            "  rebuild of v%d: %s since %s%s", checkpoint.version(), checkpoint.phase(), checkpoint.startedAt(),
                            checkpoint.writtenThrough() == null ? "" : ", written through " + checkpoint.writtenThrough())));
                    }
                }
            }
            return ExitCodes.OK;
        }
    }
}
