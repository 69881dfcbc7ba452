package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.segmentlab.cli.AtomicFile;
import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.OutputLocation;
import org.segmentlab.cli.VersionProvider;
import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.cli.option.ThresholdPaths;
import org.segmentlab.reports.chart.TornadoChart;
import org.segmentlab.reports.output.OutputFolder;
import org.segmentlab.reports.output.OutputKind;
import org.segmentlab.simulator.experiment.Sensitivity;
import org.segmentlab.simulator.experiment.SensitivityTable;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code segmentlab sensitivity SCENARIO}: shift each threshold alone and see what moves. */
@Command(name = "sensitivity",
        mixinStandardHelpOptions = true,
        versionProvider = org.segmentlab.cli.VersionProvider.class,
        sortOptions = false,
        header = "Shift each threshold of the taxonomy on its own and show how segments, macro-F1, retention and top-20%% share move.",
        description = {
            "For each threshold (all of the taxonomy's, or those given with --threshold), runs the scenario with the"
                + " threshold lowered and raised across ±RANGE of its value in STEPS steps each side, the others held, with"
                + " the scenario's seed (common random numbers). Writes OUT/sensitivity.csv (threshold, shift, value, then"
                + " the last-month segment sizes, macro-F1 against the truth, retention and top-20%% share, means over the"
                + " replications) and tornado charts OUT/charts/tornado-<metric>.png|svg (macro-F1, retention, top-20%% share), and prints the table.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/segmentlab sensitivity scenarios/four-types.yaml \\",
            "      --set market.initialCustomers=10000",
            "  bin/segmentlab sensitivity scenarios/four-types.yaml \\",
            "      --threshold loyal.frequency.min --range 0.5 --steps 4",
        })
public final class SensitivityCommand implements Callable<Integer> {

    public static final String CSV = "sensitivity.csv";
    /** A sensitivity analysis's folder; earlier versions wrote the same names without a marker. */
    static final OutputKind KIND = new OutputKind("sensitivity", "SegmentLab sensitivity analysis", Set.of(CSV, "charts"));

    @Mixin
    ScenarioRunOptions options;

    @Option(names = "--threshold", paramLabel = "PATH",
            description = "A threshold to shift, e.g. loyal.frequency.min or thresholds.loyal.frequency.min (repeatable;"
                    + " default: all).")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--range", paramLabel = "R", defaultValue = "0.25", converter = OptionTypes.ShiftRange.class,
            description = "Shift by up to ±R of the value, R above 0 and at most 10 (default 0.25: ±25%%; a threshold"
                    + " of 0 moves by ±R).")
    double range;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "2", converter = OptionTypes.StepCount.class,
            description = "Shifts on each side, 1 to 100 (default 2).")
    int steps;

    @Option(names = "--strategy", paramLabel = "NAME", description = "The strategy measured (default: the first).")
    String strategy;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "Draw the tornado of this metric only (default: one each for classifier_macro_f1 when the scenario"
                    + " has a truth, retention_initial and top20_share).")
    String metric;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "The output folder (default: out/<scenario>-sensitivity); replaced when complete, and only if"
            + " it is a sensitivity analysis SegmentLab wrote (a new or empty folder otherwise).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No table; only the paths written.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ScenarioDocument base = options.document();
        Scenario scenario = base.scenario();
        if (strategy != null && scenario.strategies().stream().noneMatch(s -> s.name().equals(strategy))) {
            throw new BadInputException("--strategy: no strategy '" + strategy + "'; the scenario has: "
                    + String.join(", ", scenario.strategies().stream().map(s -> s.name()).toList()));
        }
        checkThresholds(scenario);
        checkMetric(scenario);
        Path folder = out != null ? out : Path.of("out", options.defaultOut().getFileName() + "-sensitivity");
        OutputLocation.folder(folder, KIND);
        SensitivityTable table;
        try {
            Sensitivity analysis = Sensitivity.of(base).paths(thresholds).range(range).steps(steps).strategy(strategy)
                    .threads(options.threads());
            table = analysis.run();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        List<String> chosen = new ArrayList<>();
        if (metric != null) {
            if (!table.metrics().contains(metric)) {
                throw new BadInputException("--metric: '" + metric + "' is not in the table; it has: " + String.join(", ", table.metrics()));
            }
            chosen.add(metric);
        } else {
            table.metrics().stream().filter(m -> !SensitivityTable.isSegmentCount(m)).forEach(chosen::add);
        }
        List<Path> chartFiles = new ArrayList<>();
        Path written = OutputFolder.write(folder, KIND, VersionProvider.version(), dir -> {
            AtomicFile.write(dir.resolve(CSV), table::writeCsv);
            for (String m : chosen) {
                Path png = ChartFiles.write(TornadoChart.of(table, m, scenario.economics().currency()), dir.resolve("charts"),
                        options.sourceLine(scenario));
                chartFiles.add(dir.relativize(png));
            }
        });
        Path csv = written.resolve(CSV);
        List<Path> charts = chartFiles.stream().map(written::resolve).toList();
        if (!quiet) {
            print(stdout, table);
        }
        stdout.println("Table: " + csv.toAbsolutePath().normalize());
        for (Path chart : charts) {
            stdout.println("Chart: " + chart.toAbsolutePath().normalize());
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** Every --threshold is one of the taxonomy's, checked before the first run. */
    private void checkThresholds(Scenario scenario) {
        List<String> all = scenario.taxonomy().thresholdPaths();
        for (String p : thresholds) {
            if (!all.contains(ThresholdPaths.asTaxonomyPath(p))) {
                throw new BadInputException("--threshold: '" + p + "' is not a threshold of taxonomy '"
                        + scenario.taxonomy().name() + "'; its thresholds are: " + String.join(", ", all));
            }
        }
    }

    /** --metric is one the table will have (segment sizes, macro-F1 with a truth, retention, top-20% share). */
    private void checkMetric(Scenario scenario) {
        if (metric == null) {
            return;
        }
        List<String> known = SensitivityTable.metricsFor(scenario.taxonomy().segmentNames(), !scenario.truth().isEmpty());
        if (!known.contains(metric)) {
            throw new BadInputException("--metric: '" + metric + "' is not in the table; it has: " + String.join(", ", known));
        }
    }

    /** The table, in blocks of at most {@value SummaryTable#MAX_WIDTH} columns when the taxonomy has many segments. */
    private static void print(PrintWriter out, SensitivityTable t) {
        List<String> headers = new ArrayList<>(List.of("threshold", "shift", "value"));
        t.metrics().forEach(m -> headers.add(shortName(m)));
        List<String[]> rows = new ArrayList<>();
        for (SensitivityTable.Row r : t.rows()) {
            String[] cells = new String[headers.size()];
            cells[0] = r.path();
            cells[1] = String.format(Locale.ROOT, "%+.1f%%", r.shift() * 100);
            cells[2] = String.format(Locale.ROOT, "%.4g", r.value());
            for (int k = 0; k < t.metrics().size(); k++) {
                double v = r.means()[k];
                cells[3 + k] = t.metrics().get(k).startsWith("segment.") ? String.format(Locale.ROOT, "%.0f", v)
                        : String.format(Locale.ROOT, "%.4f", v);
            }
            rows.add(cells);
        }
        ConsoleTable.render(headers, 3, rows, SummaryTable.MAX_WIDTH).forEach(out::println);
    }

    /** A column header: a segment's name for its count, else the metric's declared title in lower case ("retention"). */
    private static String shortName(String metric) {
        if (SensitivityTable.isSegmentCount(metric)) {
            return metric.substring(Metric.segmentKey("").length());
        }
        String title = Metric.titleOf(metric);
        return Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }
}
