package dev.panorama.rebuild.cli;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import com.mongodb.MongoException;
import dev.panorama.rebuild.archive.ArchiveCorruptedException;
import dev.panorama.rebuild.archive.ArchiveException;
import dev.panorama.rebuild.switchover.ViewRebuild;
import dev.panorama.views.versions.RefusedException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/** The command line: {@code java -jar panorama-view-rebuild-tool.jar --help}. */
@Command(name = "panorama-view-rebuild-tool", mixinStandardHelpOptions = true, version = "panorama-view-rebuild-tool 0.1.0",
    usageHelpAutoWidth = true,
    description = {
        "Keeps every Panorama event in an archive that outlives Kafka's retention: immutable, compressed segment files per"
            + " topic-partition with a manifest of their checksums. Rebuilds a view's next version from it while the current one"
            + " keeps serving, switches readers over in one step, rolls back, and checks a live view against the archive.",
        "Run 'panorama-view-rebuild-tool <command> --help' for a command's options.", ""},
    subcommands = {ArchiveCommand.class, ArchiveStatusCommand.class, SnapshotCommand.class, RebuildCommand.class, VersionCommands.SwitchCommand.class,
        VersionCommands.RollbackCommand.class, VersionCommands.RetireCommand.class, VersionCommands.AbandonCommand.class,
        VersionCommands.VersionsCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class},
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:failed: Kafka, Elasticsearch, MongoDB, the archive directory or the file system (the message says which)",
        "2:invalid options or arguments (a one-line reason is printed)",
        "3:corrupted or missing archive segments, or a view that differs from the archive (nothing was switched)",
        "4:refused an unsafe operation (unknown view, version already active, archive incomplete or behind; nothing changed), or a fold of mostly unreadable events (nothing written)",
        "143:archive stopped by SIGTERM (130: by Ctrl-C) after sealing what it held, as for any JVM ended by a signal"})
public final class RebuildToolMain implements Callable<Integer> {

    static final String NAME = "panorama-view-rebuild-tool";

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line and returns its exit code; {@code out} gets results and status, {@code err} problems. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new RebuildToolMain(), new OutputFactory(out))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .setParameterExceptionHandler((problem, given) -> {
                err.println(NAME + ": " + problem.getMessage());
                err.println("Try '" + problem.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                return ExitCodes.USAGE;
            })
            .setExecutionExceptionHandler((problem, parsed, result) -> {
                if (problem instanceof RefusedException) {
                    err.println(NAME + ": refused: " + problem.getMessage());
                    return ExitCodes.REFUSED;
                }
                if (problem instanceof ViewRebuild.VerificationFailedException || problem instanceof ArchiveCorruptedException) {
                    err.println(NAME + ": " + problem.getMessage());
                    return ExitCodes.CORRUPTED;
                }
                if (problem instanceof IllegalArgumentException) {
                    err.println(NAME + ": " + problem.getMessage());
                    return ExitCodes.USAGE;
                }
                if (problem instanceof ArchiveException || problem instanceof UncheckedIOException || problem instanceof KafkaException
                    || problem instanceof MongoException || problem instanceof ElasticsearchException || problem instanceof TransportException) {
                    err.println(NAME + ": " + withCause(problem));
                    return ExitCodes.FAILED;
                }
                err.println(NAME + ": failed: " + problem);
                return ExitCodes.FAILED;
            });
        return commandLine.execute(args);
    }

    /** "Failed to construct kafka consumer: No resolvable bootstrap urls given in bootstrap.servers": the cause says why. */
    private static String withCause(Exception problem) {
        Throwable cause = problem.getCause();
        return cause == null || cause.getMessage() == null || problem.getMessage().contains(cause.getMessage())
            ? problem.getMessage() : problem.getMessage() + ": " + cause.getMessage();
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(NAME + ": a command is needed: archive, archive-status, snapshot, rebuild, switch, rollback, retire, abandon, versions or verify. Try '" + NAME + " --help'.");
        return ExitCodes.USAGE;
    }

    /** Hands the output stream to the subcommands, which print status and tables to it. */
    private record OutputFactory(PrintStream out) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ArchiveCommand.class) {
                return type.cast(new ArchiveCommand(out));
            }
            if (type == ArchiveStatusCommand.class) {
                return type.cast(new ArchiveStatusCommand(out));
            }
            if (type == SnapshotCommand.class) {
                return type.cast(new SnapshotCommand(out));
            }
            if (type == RebuildCommand.class) {
                return type.cast(new RebuildCommand(out));
            }
            if (type == VerifyCommand.class) {
                return type.cast(new VerifyCommand(out));
            }
            if (type == VersionCommands.SwitchCommand.class) {
                return type.cast(new VersionCommands.SwitchCommand(out));
            }
            if (type == VersionCommands.RollbackCommand.class) {
                return type.cast(new VersionCommands.RollbackCommand(out));
            }
            if (type == VersionCommands.RetireCommand.class) {
                return type.cast(new VersionCommands.RetireCommand(out));
            }
            if (type == VersionCommands.AbandonCommand.class) {
                return type.cast(new VersionCommands.AbandonCommand(out));
            }
            if (type == VersionCommands.VersionsCommand.class) {
                return type.cast(new VersionCommands.VersionsCommand(out));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
