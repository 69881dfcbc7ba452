package org.segmentlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;

import org.segmentlab.cli.command.AccuracyCommand;
import org.segmentlab.cli.command.CalibrateCommand;
import org.segmentlab.cli.command.ClassifyCommand;
import org.segmentlab.cli.command.CompareCommand;
import org.segmentlab.cli.command.ExplainCommand;
import org.segmentlab.cli.command.RunCommand;
import org.segmentlab.cli.command.SchemaCommand;
import org.segmentlab.cli.command.SensitivityCommand;
import org.segmentlab.cli.command.ServeCommand;
import org.segmentlab.cli.command.SweepCommand;
import org.segmentlab.cli.command.TuneCommand;
import org.segmentlab.cli.command.ValidateCommand;
import org.segmentlab.cli.option.PlainConverters;
import org.segmentlab.model.DefinitionException;
import org.segmentlab.reports.output.OutputFolderException;
import org.segmentlab.simulator.calibrate.TransactionLogException;
import org.segmentlab.simulator.population.HeapBudget;
import org.segmentlab.simulator.population.HeapBudgetException;
import org.segmentlab.simulator.scenario.ScenarioException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code segmentlab}: the top-level command. Verbs are subcommands, registered in the list below, one line per
 * verb. Every verb gets {@code --help} and {@code --version} and the same exit codes ({@link ExitCodes}): bad
 * input (a picocli parameter error, a {@link DefinitionException}, a bad line in a log, a
 * {@link BadInputException}) prints its located message on stderr, no stack trace, and exits 2; anything else is
 * a failed run, exit 1.
 */
@Command(name = "segmentlab",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        // In a terminal the help follows its width; elsewhere (a pipe, a file, a test) it is 80 columns. Examples
        // are written to fit 80 columns, each a whole command (continued with \), so no width breaks a path.
        usageHelpAutoWidth = true,
        usageHelpWidth = 80,
        header = "Simulate how a customer base responds when its segments are treated differently.",
        description = {
            "",
            "Run 'bin/segmentlab VERB --help' for the options of a verb.",
        },
        subcommands = {
            HelpCommand.class,
            RunCommand.class,
            CompareCommand.class,
            ValidateCommand.class,
            SchemaCommand.class,
            ClassifyCommand.class,
            CalibrateCommand.class,
            SweepCommand.class,
            TuneCommand.class,
            SensitivityCommand.class,
            ExplainCommand.class,
            AccuracyCommand.class,
            ServeCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:the run failed",
            "2:bad input (unknown option, bad value, bad line in a file, invalid definition); nothing written",
        })
public final class SegmentLabCommand implements Callable<Integer> {

    /** Set to any value to print the stack trace of a failed run. */
    static final String DEBUG_VARIABLE = "SEGMENTLAB_DEBUG";

    @Spec
    private CommandSpec spec;

    /** {@code segmentlab} without a verb: the usage, on stderr, and exit 2. */
    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        cmd.getErr().println("segmentlab: which verb? (" + String.join(", ", cmd.getSubcommands().keySet()) + ")");
        cmd.usage(cmd.getErr());
        return ExitCodes.BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * A fully configured command line: exit codes and error handling as in the class comment, help sections
     * computed at run time ({@link DynamicHelp}), option values checked while parsing with plain messages
     * ({@link PlainConverters}). Tests and embedders use it with {@code setOut}/{@code setErr}.
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new SegmentLabCommand());
        PlainConverters.registerOn(cmd);
        cmd.setParameterExceptionHandler(SegmentLabCommand::parameterError);
        cmd.setExecutionExceptionHandler(SegmentLabCommand::executionError);
        cmd.setExecutionStrategy(SegmentLabCommand::runReportingOutOfMemory);
        addDynamicHelp(cmd);
        return cmd;
    }

    private static void addDynamicHelp(CommandLine cmd) {
        if (cmd.getCommand() instanceof DynamicHelp) {
            ((DynamicHelp) cmd.getCommand()).addHelp(cmd.getCommandSpec());
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            addDynamicHelp(sub);
        }
    }

    /** Bad options or values: the message, a suggestion for a misspelt option, where to find help; exit 2. */
    private static int parameterError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(qualifiedName(cmd) + ": " + message(e));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + qualifiedName(cmd) + " --help' for more information.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /**
     * A bad value as {@code --threads: must be between 1 and 256, got 0} (the option, then what its converter said);
     * any other parameter problem in picocli's words.
     */
    private static String message(ParameterException e) {
        ArgSpec arg = e.getArgSpec();
        if (e.getCause() instanceof TypeConversionException && arg != null) {
            String name = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
            return name + ": " + e.getCause().getMessage();
        }
        // picocli starts some messages (mutually exclusive options) with "Error: "; the verb already leads the line.
        return e.getMessage().replaceFirst("^Error: ", "");
    }

    /**
     * Runs the verb; an {@link OutOfMemoryError} that the up-front heap check did not foresee becomes a plain
     * message and exit 1. Why here: picocli hands only {@link Exception}s to the execution exception handler, so an
     * {@link Error} would otherwise escape {@code execute} as a stack trace. By the time it arrives here the run's
     * arrays are unreachable, so there is heap again to print. Outputs are published only after a run completes,
     * so nothing half-written is left.
     */
    private static int runReportingOutOfMemory(ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError e) {
            List<CommandLine> commands = parsed.asCommandLineList();
            return outOfMemory(commands.get(commands.size() - 1));
        }
    }

    /** The plain message for a run that ran out of heap; exit 1. */
    private static int outOfMemory(CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        long maxGib = Math.max(1, Runtime.getRuntime().maxMemory() >> 30);
        err.println(qualifiedName(cmd) + ": the run failed: out of memory (the heap allows "
                + HeapBudget.bytes(Runtime.getRuntime().maxMemory()) + "); nothing was written. Use a smaller"
                + " market.potential, fewer months or replications, fewer --threads, or raise the heap, e.g."
                + " JAVA_OPTS=-Xmx" + 2 * maxGib + "g bin/segmentlab " + cmd.getCommandSpec().name() + " …");
        err.flush();
        return ExitCodes.RUN_FAILED;
    }

    /** Bad input found while running: its located message, exit 2; anything else: a failed run, exit 1. */
    private static int executionError(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof TransactionLogException || e instanceof DefinitionException || e instanceof ScenarioException
                || e instanceof HeapBudgetException) {
            // Already located (file:line: or path:): printed as is so editors and scripts can parse it.
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof BadInputException || e instanceof OutputFolderException) {
            err.println(qualifiedName(cmd) + ": " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return outOfMemory(cmd); // wrapped by a worker thread or pool
            }
        }
        err.println(qualifiedName(cmd) + ": the run failed: " + failure(e));
        if (System.getenv(DEBUG_VARIABLE) != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set " + DEBUG_VARIABLE + "=1 for the stack trace)");
        }
        err.flush();
        return ExitCodes.RUN_FAILED;
    }

    /**
     * What went wrong, in words: a file-system failure (a full disk, a file removed or made unreadable during the
     * run) as the file and the system's reason, without Java's exception names; anything else (a bug) with its
     * exception type, which a bug report needs.
     */
    static String failure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof FileSystemException) {
                FileSystemException f = (FileSystemException) c;
                String reason = f instanceof NoSuchFileException ? "no such file or folder"
                        : f instanceof AccessDeniedException ? "permission denied"
                        : f.getReason() != null ? f.getReason() : "cannot be read or written";
                return (f.getFile() != null ? f.getFile() + ": " : "") + reason;
            }
            if (c instanceof IOException && c.getMessage() != null) {
                return "input/output error: " + c.getMessage();
            }
        }
        return e.toString();
    }

    /** {@code segmentlab classify}, not just {@code classify}. */
    private static String qualifiedName(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }
}
