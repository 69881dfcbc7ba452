package org.segmentlab.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.cli.option.ThresholdPaths;
import org.segmentlab.model.strategy.ResolvedStrategy;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.simulator.engine.RunBudget;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code segmentlab accuracy SCENARIO…}: how well the scenario's taxonomy finds the segments its archetypes truly
 * belong to, per segment, at chosen months; and, for a strategy that terminates a segment, whom it ended. Runs one
 * strategy, only as far as the last month asked; writes nothing. Every scenario is loaded and checked (file,
 * overrides, strategy, heap) before any is run, so bad input costs no simulation and prints no partial result.
 */
@Command(name = "accuracy",
        mixinStandardHelpOptions = true,
        versionProvider = org.segmentlab.cli.VersionProvider.class,
        sortOptions = false,
        header = "Per-segment precision and recall of the taxonomy against the scenario's truth, at chosen months.",
        description = {
            "For each scenario, runs one strategy (the first, or --strategy) for as many months as the largest of"
                + " --months, with the scenario's replications, and prints for each month asked the accuracy, the"
                + " macro-F1 and a table: segment, customers labelled with it, its true members (customers whose"
                + " archetype the scenario's truth: puts there), precision and recall. Writes nothing.",
            "",
            "When the strategy terminates a segment, it also prints whom it ended each month, by true segment, and a"
                + " summary: how many of the customers it ended truly belonged to the segment it meant to end.",
            "",
            "A scenario without truth: is reported as such; the others are still scored.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/segmentlab accuracy scenarios/four-types.yaml \\",
            "      --set market.initialCustomers=20000",
            "  bin/segmentlab accuracy scenarios/fire-the-mutineers.yaml \\",
            "      --strategy terminate --months 1,6,12 --markdown",
        })
public final class AccuracyCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "1..*", paramLabel = "SCENARIO",
            description = "Scenario files (YAML), e.g. scenarios/four-types.yaml scenarios/vampires.yaml.")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--months", paramLabel = "T", split = ",", converter = OptionTypes.MonthCount.class,
            description = "The months to score, comma-separated, each 1 to " + OptionTypes.MAX_MONTHS
                    + " (default: 1,12). The run goes as far as the largest.")
    List<Integer> months = new ArrayList<>(List.of(1, 12));

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "The strategy run, in every scenario given (default: each scenario's first).")
    String strategy;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = {"Override any scenario value by its path (repeatable, applied to every scenario), e.g.",
                "--set market.initialCustomers=20000",
                "--set thresholds.loyal.frequency.min=4"})
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", description = "The root seed (default: each scenario's).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", converter = OptionTypes.ThreadCount.class,
            description = "Worker threads, 1 to " + OptionTypes.MAX_THREADS + " (default: all processors). Results are"
                    + " identical for any number.")
    Integer threads;

    @Option(names = "--markdown", description = "Print Markdown (headings and tables) instead of plain text.")
    boolean markdown;

    @Spec
    CommandSpec spec;

    /** A scenario loaded and checked, with the strategy to run. */
    private record Prepared(Path file, Scenario scenario, Strategy strategy) {
    }

    @Override
    public Integer call() {
        int last = months.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Prepared> prepared = new ArrayList<>();
        for (Path file : scenarios) {
            Prepared p = prepare(file);
            // A run too large for the heap is bad input too: found here, before any scenario is printed.
            RunBudget.of(onlyStrategy(p.scenario(), p.strategy(), last)).check(1);
            prepared.add(p);
        }
        PrintWriter out = spec.commandLine().getOut();
        AccuracyReport report = new AccuracyReport(out, markdown);
        List<Integer> asked = List.copyOf(new TreeSet<>(months));
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        for (Prepared p : prepared) {
            String fileName = p.file().getFileName().toString();
            Scenario s = p.scenario();
            if (s.truth().isEmpty()) {
                report.noTruth(s.name(), fileName);
                continue;
            }
            RunResult result = Simulator.run(onlyStrategy(s, p.strategy(), last), RunOptions.threads(threadCount));
            ResolvedStrategy resolved = p.strategy().resolve(s.taxonomy(), s.treatments());
            List<Integer> terminated = new ArrayList<>();
            for (int seg = 0; seg < s.taxonomy().size(); seg++) {
                if (resolved.treatmentOf(seg).terminates()) {
                    terminated.add(seg);
                }
            }
            SegmentAccuracy accuracy = new SegmentAccuracy(result, p.strategy().name(), terminated);
            report.heading(s.name(), fileName, s.taxonomy().name(), p.strategy().name(), s.replications());
            for (int m : asked) {
                report.month(m, accuracy.at(m), s.replications());
            }
            if (!terminated.isEmpty()) {
                report.fired(result.segments(), terminated, AccuracyReport.truthColumns(result.truth(), terminated),
                        accuracy.fired(), last, s.replications(), p.strategy().name());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The scenario with every override, and the strategy to run; bad input before anything runs. */
    private Prepared prepare(Path file) {
        ScenarioDocument document = Scenarios.load(file);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            document = document.with(ThresholdPaths.asScenarioPath(e.getKey()), e.getValue());
        }
        if (seed != null) {
            document = document.with("seed", Long.toString(seed));
        }
        Scenario scenario = document.scenario();
        List<String> names = scenario.strategies().stream().map(Strategy::name).toList();
        if (strategy == null) {
            return new Prepared(file, scenario, scenario.strategies().get(0));
        }
        int index = names.indexOf(strategy);
        if (index < 0) {
            throw new BadInputException("--strategy: " + file + " has no strategy '" + strategy + "'; it has: "
                    + String.join(", ", names));
        }
        return new Prepared(file, scenario, scenario.strategies().get(index));
    }

    /**
     * The scenario reduced to one strategy and {@code months} months. Why not through the document: an event set
     * after the last month asked would be refused there, while here it simply never happens. Every strategy runs
     * on the same customers and random numbers whatever the others, so the figures are those of a full run.
     */
    static Scenario onlyStrategy(Scenario s, Strategy strategy, int months) {
        return new Scenario(s.name(), s.description(), s.seed(), months, s.replications(), s.market(), s.economics(),
                s.behaviour(), s.archetypes(), s.taxonomy(), s.truth(), s.treatments(), List.of(strategy), s.events(),
                s.initialPopulation(), s.promotions(), s.observation());
    }
}
