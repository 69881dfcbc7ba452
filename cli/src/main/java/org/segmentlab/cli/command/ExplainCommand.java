package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.segmentlab.cli.AtomicFile;
import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.OutputLocation;
import org.segmentlab.cli.VersionProvider;
import org.segmentlab.reports.chart.ExplainChart;
import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.output.ExplainCsv;
import org.segmentlab.reports.output.OutputFolder;
import org.segmentlab.reports.output.OutputKind;
import org.segmentlab.simulator.analysis.ExplanationRow;
import org.segmentlab.simulator.analysis.MechanismExplainer;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.scenario.Mechanism;
import org.segmentlab.simulator.scenario.Scenario;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code segmentlab explain SCENARIO}: how much of each strategy's advantage each mechanism carries. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = org.segmentlab.cli.VersionProvider.class,
        sortOptions = false,
        header = "Show which mechanism (word of mouth, satisfaction, price response…) carries each strategy's advantage.",
        description = {
            "Runs the scenario once with every mechanism on and once with each mechanism it uses switched off"
                + " (scenario key mechanisms, see docs/model.md \"Mechanism switches\"), all with the scenario's seed and"
                + " replications (common random numbers). For each strategy after the first (the baseline) it prints the"
                + " advantage over the baseline (cumulative profit at the last month) with every mechanism on and with the"
                + " mechanism off, and the share of the advantage the mechanism carries, 1 - off/on, with its 95%% interval"
                + " over the replications. Shares need not add up to 100%%: mechanisms interact.",
            "",
            "Writes OUT/explain.csv (strategy,mechanism,advantage,advantage_off,carried,carried_low,carried_high) and the"
                + " chart OUT/explain.png|svg. Costs one run of the scenario per mechanism used, plus one.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/segmentlab explain scenarios/service-recovery.yaml",
            "  bin/segmentlab explain scenarios/four-types.yaml \\",
            "      --only wordOfMouth,satisfaction,priceResponse -r 3",
            "  bin/segmentlab explain scenarios/discount-trap.yaml \\",
            "      --set market.initialCustomers=10000 --set market.potential=100000",
        })
public final class ExplainCommand implements Callable<Integer> {

    /** An explanation's folder. */
    static final OutputKind KIND = new OutputKind("explain", "SegmentLab mechanism explanation",
            Set.of(ExplainCsv.FILE, ExplainChart.ID + ".png", ExplainChart.ID + ".svg"));

    @Mixin
    ScenarioRunOptions options;

    @Option(names = "--only", paramLabel = "KEY[,KEY…]", split = ",",
            description = "Switch off only these mechanisms, e.g. wordOfMouth,satisfaction (default: every one the"
                    + " scenario uses). Keys: ${COMPLETION-CANDIDATES}.", completionCandidates = MechanismKeys.class)
    List<String> only = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "The output folder (default: out/<scenario>-explain); replaced when complete, and only if it is"
                    + " an explanation SegmentLab wrote (a new or empty folder otherwise).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no table; only the paths written.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** The mechanism keys, for --help. */
    static final class MechanismKeys extends ArrayList<String> {
        MechanismKeys() {
            super(Mechanism.keys());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Set<Mechanism> chosen = chosen();
        Scenario scenario = options.document().scenario();
        SimulationCommand.requireStrategies(scenario, 2, "explain");
        List<Mechanism> toSwitch = MechanismExplainer.mechanismsToSwitch(scenario, chosen);
        for (Mechanism m : chosen) {
            if (!toSwitch.contains(m)) {
                spec.commandLine().getErr().println("segmentlab: note: --only " + m.key() + ": the scenario "
                        + (scenario.mechanismsOff().contains(m) ? "already switches it off" : "does not use it") + "; skipped");
            }
        }
        if (toSwitch.isEmpty()) {
            throw new BadInputException("explain: the scenario uses none of the mechanisms to switch off"
                    + (chosen.isEmpty() ? "" : " given with --only") + "; nothing to explain");
        }
        Path folder = out != null ? out : Path.of("out", options.defaultOut().getFileName() + "-explain");
        OutputLocation.folder(folder, KIND);
        String baseline = scenario.strategies().get(0).name();
        List<ExplanationRow> rows;
        int runs = toSwitch.size() + 1;
        try (CountProgress progress = new CountProgress("explain", quiet)) {
            long[] run = {0};
            RunOptions runOptions = new RunOptions(options.threads(),
                    (done, total) -> progress.at(run[0] * total + done, runs * total));
            rows = MechanismExplainer.explain(scenario, runOptions, chosen, (index, total, mechanism) -> run[0] = index - 1);
        }
        Path written = OutputFolder.write(folder, KIND, VersionProvider.version(), dir -> {
            AtomicFile.write(dir.resolve(ExplainCsv.FILE), w -> ExplainCsv.write(rows, w));
            ChartFiles.write(ExplainChart.of(rows, baseline), dir, options.sourceLine(scenario));
        });
        if (!quiet) {
            print(stdout, rows, baseline);
        }
        stdout.println("Table: " + written.resolve(ExplainCsv.FILE).toAbsolutePath().normalize());
        stdout.println("Chart: " + written.resolve(ExplainChart.ID + ".png").toAbsolutePath().normalize());
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The --only keys as mechanisms; an unknown key is bad input naming the allowed ones. */
    private Set<Mechanism> chosen() {
        Set<Mechanism> set = EnumSet.noneOf(Mechanism.class);
        for (String key : only) {
            String k = key.trim();
            set.add(Mechanism.byKey(k).orElseThrow(() -> new BadInputException("--only: unknown mechanism '" + k
                    + "'; allowed: " + Mechanism.allowedKeys())));
        }
        return set;
    }

    private static void print(PrintWriter out, List<ExplanationRow> rows, String baseline) {
        List<String> headers = List.of("strategy", "mechanism off", "advantage", "with it off", "share carried", "95% interval");
        List<String[]> cells = new ArrayList<>();
        boolean unclear = false;
        for (ExplanationRow r : rows) {
            boolean clear = r.advantageClear();
            unclear |= !clear;
            cells.add(new String[] {r.strategy(), r.mechanism().label(), money(r.advantage()), money(r.advantageOff()),
                    clear ? percent(r.carried().mean()) : "–", clear ? interval(r.carried()) : "advantage may be 0"});
        }
        out.println("Advantage = cumulative profit at the last month minus " + baseline + "'s (mean over the replications).");
        ConsoleTable.render(headers, 2, cells, SummaryTable.MAX_WIDTH).forEach(out::println);
        out.println("Shares need not add up to 100%: mechanisms interact.");
        if (unclear) {
            out.println("–: the advantage's 95% interval includes 0, so a share of it would be noise (more replications: -r).");
        }
    }

    private static String money(MeanInterval m) {
        return Formats.compact(m.mean(), true);
    }

    private static String percent(double share) {
        if (!Double.isFinite(share)) {
            return "–";
        }
        long points = Math.round(share * 100); // no "−0%"
        return (points < 0 ? Formats.MINUS : "") + Math.abs(points) + "%";
    }

    private static String interval(MeanInterval m) {
        return Double.isFinite(m.low()) ? "[" + percent(m.low()) + ", " + percent(m.high()) + "]" : "(one replication)";
    }
}
