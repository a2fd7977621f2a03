package dev.panorama.rebuild.cli;

import dev.panorama.rebuild.archive.ArchiveException;
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
            + " topic-partition with a manifest of their checksums. Views are rebuilt from it.",
        "Run 'panorama-view-rebuild-tool <command> --help' for a command's options.", ""},
    subcommands = {ArchiveCommand.class, ArchiveStatusCommand.class, CommandLine.HelpCommand.class},
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:failed: Kafka, the archive directory or the file system (the message says which)",
        "2:invalid options or arguments (a one-line reason is printed)",
        "3:archive-status --verify found corrupted or missing segments",
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
                if (problem instanceof IllegalArgumentException) {
                    err.println(NAME + ": " + problem.getMessage());
                    return ExitCodes.USAGE;
                }
                if (problem instanceof ArchiveException || problem instanceof UncheckedIOException || problem instanceof KafkaException) {
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
        spec.commandLine().getErr().println(NAME + ": a command is needed: archive or archive-status. Try '" + NAME + " --help'.");
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
            return CommandLine.defaultFactory().create(type);
        }
    }
}
