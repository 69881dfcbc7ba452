package org.segmentlab.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.segmentlab.cli.option.ThresholdPaths;
import org.segmentlab.simulator.engine.RunBudget;
import org.segmentlab.simulator.population.HeapBudgetException;
import org.segmentlab.simulator.scenario.LocatedProblem;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.ScenarioException;
import org.segmentlab.simulator.scenario.Scenarios;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code segmentlab validate FILE…}: loads each scenario (with any {@code --set} overrides) and prints
 * {@code OK: FILE} on stdout for each valid one, or every problem of a bad one on stderr as
 * {@code file:line:column: path: message}, the form editors jump to. Exit 0 when every file is valid, 2 otherwise.
 * Writes nothing. Usable standalone ({@code new CommandLine(new ValidateCommand())}) or as a verb of
 * {@code segmentlab}.
 */
@Command(name = "validate",
        sortOptions = false,
        headerHeading = "%n",
        header = "Check scenario files and report every problem with its line and column.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%n",
        description = {
            "Reads each scenario file, applies the --set overrides, and checks everything the simulator would:"
                    + " types, ranges, shares summing to 1, the names of distributions, segments, treatments and"
                    + " events, and that a run fits in this JVM's heap (from the largest population it can reach)."
                    + " Prints 'OK: FILE' for a valid file; for a bad one, every problem on stderr as"
                    + " file:line:column: path: message. Nothing is written.",
        },
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every file is valid",
            "2:a file has problems (each printed on stderr), or an option is wrong",
        })
public final class ValidateCommand implements Callable<Integer> {

    /** Exit codes of every segmentlab verb ({@link org.segmentlab.cli.ExitCodes}). */
    static final int OK = 0;
    static final int BAD_INPUT = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", converter = OverrideConverter.class,
            description = "Override a value of every file before checking it; repeatable. PATH as in"
                    + " market.imitation, archetypes.loyal.share or archetypes[0].churn; VALUE is YAML,"
                    + " e.g. --set 'archetypes[0].churn={dist: beta, alpha: 2, beta: 30}'.")
    private List<PathValue> overrides = new ArrayList<>();

    /** One {@code --set PATH=VALUE}. */
    record PathValue(String path, String value) {
    }

    /**
     * Splits {@code PATH=VALUE} at the first '='; the path is checked when it is applied. A bare threshold path
     * ({@code loyal.frequency.min}) means {@code thresholds.loyal.frequency.min}, as in every verb.
     */
    static final class OverrideConverter implements ITypeConverter<PathValue> {
        @Override
        public PathValue convert(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new TypeConversionException("expected PATH=VALUE, e.g. market.imitation=0.3, got '" + text + "'");
            }
            return new PathValue(ThresholdPaths.asScenarioPath(text.substring(0, eq)), text.substring(eq + 1));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = OK;
        for (Path file : files) {
            List<LocatedProblem> problems = problems(file);
            if (problems.isEmpty()) {
                out.println("OK: " + file);
            } else {
                problems.forEach(err::println);
                exit = BAD_INPUT;
            }
        }
        out.flush();
        err.flush();
        return exit;
    }

    /** Every problem of one file with the overrides applied; empty when it is a valid scenario. */
    private List<LocatedProblem> problems(Path file) {
        try {
            ScenarioDocument document = Scenarios.load(file);
            for (PathValue o : overrides) {
                document = document.with(o.path(), o.value());
            }
            // A run that cannot fit in this JVM's heap is a problem of the scenario too (the same check as run).
            RunBudget.of(document.scenario()).check(1);
            return List.of();
        } catch (ScenarioException e) {
            return e.problems();
        } catch (HeapBudgetException e) {
            String prefix = e.field() + ": ";
            String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            return List.of(new LocatedProblem(file.toString(), 0, 0, e.field(), message));
        }
    }
}
