package org.segmentlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.segmentlab.cli.command.CalibrateCommand;
import org.segmentlab.cli.command.ClassifyCommand;
import org.segmentlab.cli.command.CompareCommand;
import org.segmentlab.cli.command.RunCommand;
import org.segmentlab.cli.command.SchemaCommand;
import org.segmentlab.cli.command.SensitivityCommand;
import org.segmentlab.cli.command.ServeCommand;
import org.segmentlab.cli.command.SweepCommand;
import org.segmentlab.cli.command.TuneCommand;
import org.segmentlab.cli.command.ValidateCommand;
import org.segmentlab.model.DefinitionException;
import org.segmentlab.simulator.calibrate.TransactionLogException;
import org.segmentlab.simulator.population.HeapBudgetException;
import org.segmentlab.simulator.scenario.ScenarioException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
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
     * computed at run time ({@link DynamicHelp}). Tests and embedders use it with {@code setOut}/{@code setErr}.
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new SegmentLabCommand());
        cmd.setParameterExceptionHandler(SegmentLabCommand::parameterError);
        cmd.setExecutionExceptionHandler(SegmentLabCommand::executionError);
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
        err.println(qualifiedName(cmd) + ": " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + qualifiedName(cmd) + " --help' for more information.");
        err.flush();
        return ExitCodes.BAD_INPUT;
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
        if (e instanceof BadInputException) {
            err.println(qualifiedName(cmd) + ": " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.println(qualifiedName(cmd) + ": the run failed: " + e);
        if (System.getenv(DEBUG_VARIABLE) != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set " + DEBUG_VARIABLE + "=1 for the stack trace)");
        }
        err.flush();
        return ExitCodes.RUN_FAILED;
    }

    /** {@code segmentlab classify}, not just {@code classify}. */
    private static String qualifiedName(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }
}
