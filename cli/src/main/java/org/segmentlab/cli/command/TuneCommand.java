package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.segmentlab.cli.AtomicFile;
import org.segmentlab.cli.OutputLocation;
import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.simulator.experiment.Factor;
import org.segmentlab.simulator.experiment.Objective;
import org.segmentlab.simulator.experiment.TuneResult;
import org.segmentlab.simulator.experiment.Tuner;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.ScenarioWriter;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code segmentlab tune SCENARIO --vary PATH=lo..hi --objective …}: search values for the best objective. */
@Command(name = "tune",
        mixinStandardHelpOptions = true,
        versionProvider = org.segmentlab.cli.VersionProvider.class,
        sortOptions = false,
        header = "Search thresholds (or any scenario values) for the best objective and write the tuned scenario.",
        description = {
            "The objective is a metric at the last month of one strategy, averaged over the replications: cumulative"
                + " profit, final retention of the initial customers, the top-20%% revenue share, or the classifier's"
                + " macro-F1 against the scenario's truth. Whole-number ranges (2..12) and lists are searched by a refined"
                + " grid; continuous ranges (0.1..0.6) by CMA-ES (Commons Math). Every candidate runs with the scenario's"
                + " seed (common random numbers), so candidates differ by their values alone.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/segmentlab tune scenarios/four-types.yaml \\",
            "      --vary thresholds.loyal.frequency.min=2..12 --objective macro-f1",
            "  bin/segmentlab tune scenarios/discount-trap.yaml \\",
            "      --vary treatments.price-campaign.discount=0.0..0.4 --objective profit \\",
            "      --strategy precise --replications 3 --budget 30 --out out/tuned.yaml",
        })
public final class TuneCommand implements Callable<Integer> {

    @Mixin
    ScenarioRunOptions options;

    @Mixin
    VaryOptions vary;

    @Option(names = "--objective", paramLabel = "METRIC", defaultValue = "profit_cumulative",
            converter = OptionTypes.ObjectiveName.class,
            description = "A metric as in metrics.csv, or its short name: profit_cumulative (profit; the default),"
                    + " retention_initial (retention: final retention of the initial customers), top20_share (top20:"
                    + " top-20%% revenue share) or classifier_macro_f1 (macro-f1: the classifier against the truth).")
    Objective.Kind objective;

    /** Null when neither is given: maximise. */
    @ArgGroup(exclusive = true)
    Direction direction;

    /** Which way the objective is better; at most one of the two. */
    static final class Direction {
        @Option(names = {"--maximise", "--maximize"}, description = "Maximise the objective (the default).")
        boolean maximise;

        @Option(names = {"--minimise", "--minimize"},
                description = "Minimise the objective instead (e.g. a broad base: --objective top20_share --minimise).")
        boolean minimise;
    }

    @Option(names = "--strategy", paramLabel = "NAME", description = "The strategy whose objective counts (default: the first).")
    String strategy;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "60", converter = OptionTypes.CandidateBudget.class,
            description = "At most N distinct candidates are run, 2 to 100000 (default 60).")
    int budget;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.yaml",
            description = "The file to write the tuned scenario to (one file; default: out/<scenario>-tuned.yaml).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Only the tuned scenario's path.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<Factor> factors = vary.factors();
        ScenarioDocument base = options.document();
        Scenario scenario = base.scenario();
        if (strategy != null && scenario.strategies().stream().noneMatch(s -> s.name().equals(strategy))) {
            throw new BadInputException("--strategy: no strategy '" + strategy + "'; the scenario has: "
                    + String.join(", ", scenario.strategies().stream().map(s -> s.name()).toList()));
        }
        if (objective == Objective.Kind.MACRO_F1 && scenario.truth().isEmpty()) {
            throw new BadInputException("--objective " + objective.metric()
                    + " needs a truth: section in the scenario (archetype → segment)");
        }
        Objective goal = Objective.of(objective, strategy);
        if (direction != null && direction.minimise) {
            goal = goal.minimised();
        }
        Path target = out != null ? out : Path.of("out", options.defaultOut().getFileName() + "-tuned.yaml");
        OutputLocation.file(target, "tuned.yaml");
        Tuner tuner = Tuner.of(base, factors, goal).budget(budget).threads(options.threads());
        long started = System.nanoTime();
        TuneResult result = vary.checked(factors, tuner::tune);
        double seconds = (System.nanoTime() - started) / 1e9;
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        String yaml = ScenarioWriter.toYaml(result.tuned());
        AtomicFile.write(target, w -> w.write(yaml));
        if (!quiet) {
            stdout.printf(Locale.ROOT, "Tuned %s for %s: %d candidates in %.1f s, common random numbers (seed %d)%n",
                    String.join(", ", result.paths()), goal, result.evaluations(), seconds, scenario.seed());
            int width = result.paths().stream().mapToInt(String::length).max().orElse(4);
            for (int j = 0; j < result.paths().size(); j++) {
                stdout.printf(Locale.ROOT, "  %-" + width + "s  %s%n", result.paths().get(j), result.values().get(j));
            }
            stdout.printf(Locale.ROOT, "Objective %s: %s%n", objective.metric(), describe(result));
            for (int j = 0; j < factors.size(); j++) {
                Factor f = factors.get(j);
                String v = result.values().get(j);
                if (f.isRange() && (Double.parseDouble(v) == f.low() || Double.parseDouble(v) == f.high())) {
                    stdout.println("Note: " + f.path() + " = " + v + " is at the end of its range; the best may lie beyond it (widen the range)");
                }
            }
        }
        stdout.println("Tuned scenario: " + target.toAbsolutePath().normalize());
        stdout.flush();
        return ExitCodes.OK;
    }

    private static String describe(TuneResult r) {
        if (r.objective().n() > 1) {
            return String.format(Locale.ROOT, "%.6g (95%% interval %.6g to %.6g, %d replications)", r.objective().mean(),
                    r.objective().low(), r.objective().high(), r.objective().n());
        }
        return String.format(Locale.ROOT, "%.6g (1 replication: no interval; add --replications for one)", r.objective().mean());
    }
}
