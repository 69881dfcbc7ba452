package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.OutputLocation;
import org.segmentlab.cli.VersionProvider;
import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.reports.chart.SweepChart;
import org.segmentlab.reports.output.OutputKind;
import org.segmentlab.simulator.experiment.Design;
import org.segmentlab.simulator.experiment.Factor;
import org.segmentlab.simulator.experiment.PointRunner;
import org.segmentlab.simulator.experiment.Sweep;
import org.segmentlab.simulator.experiment.SweepListener;
import org.segmentlab.simulator.experiment.SweepOutcome;
import org.segmentlab.simulator.experiment.SweepPoint;
import org.segmentlab.simulator.experiment.SweepResumeException;
import org.segmentlab.simulator.experiment.SweepSummary;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code segmentlab sweep SCENARIO --vary PATH=VALUES …}: run a design of points × replications into a tidy CSV. */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = org.segmentlab.cli.VersionProvider.class,
        sortOptions = false,
        header = "Vary scenario values over a grid, a list or a Latin hypercube and stream the results to a tidy CSV.",
        description = {
            "Runs every point of the design × the scenario's replications, on all cores (one point per core), in an"
                + " interleaved order so that a partial sweep already covers the whole space. Each finished point's rows go"
                + " to OUT/sweep.csv at once (point, the varied values, strategy, replication, month, then one column per"
                + " metric); a killed sweep continues with --resume, repeating and losing nothing. At the end, one chart per"
                + " varied value: the metric against the value, with 95%% bands (OUT/charts/sweep-<path>.png|svg).",
            "",
            "Every point uses the scenario's seed (common random numbers): points differ by their values alone.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/segmentlab sweep scenarios/four-types.yaml \\",
            "      --vary market.imitation=0.1..0.4:7 --replications 5",
            "  bin/segmentlab sweep scenarios/discount-trap.yaml --design lhs --points 100 \\",
            "      --vary treatments.price-campaign.leakage=0.0..0.4 \\",
            "      --vary thresholds.loyal.frequency.min=3..9",
            "  bin/segmentlab sweep scenarios/four-types.yaml \\",
            "      --vary market.imitation=0.1..0.4 --out out/s --resume",
        })
public final class SweepCommand implements Callable<Integer> {

    /** The table's file name in the output folder. */
    public static final String CSV = "sweep.csv";
    /** A sweep's folder, written in place so that --resume can continue it. */
    static final OutputKind KIND = new OutputKind("sweep", "SegmentLab sweep", Set.of(CSV, "charts"));

    @Mixin
    ScenarioRunOptions options;

    @Mixin
    VaryOptions vary;

    @Option(names = "--design", paramLabel = "KIND", defaultValue = "grid", converter = OptionTypes.DesignKind.class,
            description = "grid (every combination; the default), list (the i-th value of every --vary together) or lhs"
                    + " (a Latin hypercube of --points points over the ranges).")
    Design.Kind design;

    @Option(names = "--points", paramLabel = "N", converter = OptionTypes.PointCount.class,
            description = "Points of a Latin hypercube, 1 to 1000000 (default 50).")
    Integer points;

    @Option(names = "--design-seed", paramLabel = "N", description = "The Latin hypercube's seed (default: the scenario's seed).")
    Long designSeed;

    @Option(names = "--final-only", description = "Only the last month of each run in the CSV (default: every month).")
    boolean finalOnly;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "retention_initial",
            description = "The metric of the summary charts, as in metrics.csv (default retention_initial).")
    String metric;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "The output folder (default: out/<scenario>-sweep).")
    Path out;

    @Option(names = "--resume", description = "Continue the sweep in OUT/sweep.csv: keep its complete points, run the rest."
            + " Only the sweep that wrote the table continues: another scenario, --set, --seed, design or option is"
            + " refused (exit 2, the table untouched).")
    boolean resume;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Compute the points on Apache Spark: local[N] in a"
            + " child JVM on this machine, or a cluster's master URL (spark://host:7077, yarn, k8s://…). The table and"
            + " charts are the same bytes as without it. Needs the spark module built (mvn -pl spark -am package"
            + " -DskipTests); see docs/research.md.")
    String spark;

    /** The master URLs spark-submit accepts (Spark 4 has no Mesos). */
    private static final java.util.regex.Pattern SPARK_MASTER =
            java.util.regex.Pattern.compile("local(\\[(\\d+|\\*)(,\\d+)?])?|spark://\\S+|yarn|k8s://\\S+");

    /**
     * Set by the spark module's application: computes the points on the cluster {@code --spark} names (or, without
     * {@code --spark}, the one spark-submit's {@code --master} named).
     */
    private BiFunction<String, Sweep, PointRunner> cluster;

    @Spec
    CommandSpec spec;

    /**
     * Makes {@code --spark MASTER} compute the points through {@code runner} (the spark module's application, running
     * this command inside a Spark driver); without it, {@code --spark} launches that application in a child JVM.
     */
    public void runPointsOn(BiFunction<String, Sweep, PointRunner> runner) {
        this.cluster = runner;
    }

    /**
     * The sweep these options describe, with the scenario path resolved against {@code workingDir}: what a Spark
     * executor rebuilds from the driver's arguments to compute a point, exactly as the driver would.
     */
    public Sweep sweep(Path workingDir) {
        options.scenario = workingDir.resolve(options.scenario);
        return sweep();
    }

    private Sweep sweep() {
        List<Factor> factors = vary.factors();
        ScenarioDocument base = options.document();
        Scenario scenario = base.scenario();
        Design d = vary.checked(factors, () -> design(factors, scenario.seed()));
        // The fingerprint beside the table records the version and the --set overrides, so --resume can name a change.
        Sweep sweep = Sweep.of(base, d).threads(options.threads()).toolVersion(VersionProvider.version()).overrides(options.overrides);
        return finalOnly ? sweep.finalMonthOnly() : sweep;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (spark != null && !SPARK_MASTER.matcher(spark).matches()) {
            throw new BadInputException("--spark: '" + spark + "' is not a Spark master URL; e.g. local[2], local[*],"
                    + " local[2,3] (3 tries per task), spark://HOST:7077, yarn, k8s://https://HOST:443");
        }
        if (spark != null && cluster == null) {
            return SparkLaunch.run(spec.commandLine().getParseResult().originalArgs(), stdout, spec.commandLine().getErr());
        }
        Sweep sweep = sweep();
        Design d = sweep.design();
        List<Factor> factors = d.factors();
        Scenario scenario = options.document().scenario();
        Sweep checked = sweep;
        vary.checked(factors, () -> {
            checked.validate();
            return null;
        });
        if (!scenario.strategies().isEmpty() && !knownMetric(scenario, metric)) {
            throw new BadInputException("--metric: unknown metric '" + metric + "'; e.g. retention_initial, profit_cumulative,"
                    + " top20_share, net_wom, classifier_macro_f1 (with a truth), segment.<name>");
        }
        Path folder = out != null ? out : Path.of("out", options.defaultOut().getFileName() + "-sweep");
        Path csv = folder.resolve(CSV);
        if (Files.exists(csv) && !resume) {
            throw new BadInputException(csv + " exists: add --resume to continue that sweep, or choose another --out");
        }
        OutputLocation.claimFolder(folder, KIND);
        AtomicInteger written = new AtomicInteger();
        Thread worker = Thread.currentThread();
        Thread hook = new Thread(() -> {
            // Ctrl-C: stop the sweep; what is in the CSV stays, and --resume continues from it.
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "segmentlab-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        SweepOutcome outcome;
        try (CountProgress progress = new CountProgress("Sweeping", quiet)) {
            SweepListener listener = new SweepListener() {
                @Override
                public void pointWritten(SweepPoint point, int done, int total) {
                    written.set(done);
                    progress.at(done, total);
                }
            };
            Sweep heard = sweep.listener(listener);
            PointRunner runner = cluster == null ? heard.localRunner() : cluster.apply(spark, heard);
            outcome = resume ? heard.resume(csv, runner) : heard.run(csv, runner);
        } catch (SweepResumeException e) {
            // A table another sweep wrote: bad input (exit 2), the table left byte for byte as it was.
            throw new BadInputException(e.getMessage(), e);
        } catch (InterruptedException e) {
            spec.commandLine().getErr().println("segmentlab sweep: interrupted with " + written.get() + " of " + d.size()
                    + " points in " + csv + "; run the same command with --resume to continue");
            return ExitCodes.RUN_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting (Ctrl-C): the hook is running and waits for us.
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Path> charts = new ArrayList<>();
        List<SweepSummary.Curve> curves = SweepSummary.of(csv, d, metric);
        for (Factor f : factors) {
            List<SweepSummary.Curve> mine = curves.stream().filter(c -> c.path().equals(f.path())).toList();
            if (!mine.isEmpty()) {
                charts.add(ChartFiles.write(SweepChart.of(mine, metric, scenario.economics().currency(), d.size(),
                        scenario.replications()), folder.resolve("charts"), options.sourceLine(scenario)));
            }
        }
        stdout.printf(Locale.ROOT, "Sweep: %d points × %d replications (%s design)%s in %.1f s %s%n", d.size(),
                scenario.replications(), d.kind().name().toLowerCase(Locale.ROOT),
                outcome.resumed() > 0 ? ", " + outcome.resumed() + " resumed from the table" : "", seconds,
                cluster == null ? "on " + options.threads() + " threads" : "on Spark");
        stdout.println("Table: " + csv.toAbsolutePath().normalize() + " (" + outcome.rows() + " rows)");
        for (Path c : charts) {
            stdout.println("Chart: " + c.toAbsolutePath().normalize());
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private Design design(List<Factor> factors, long scenarioSeed) {
        switch (design) {
            case GRID:
                requireNoPoints();
                return Design.grid(factors);
            case LIST:
                requireNoPoints();
                return Design.list(factors);
            default:
                return Design.latinHypercube(factors, points == null ? 50 : points, designSeed == null ? scenarioSeed : designSeed);
        }
    }

    private void requireNoPoints() {
        if (points != null) {
            throw new BadInputException("--points applies to --design lhs only; a " + design.name().toLowerCase(Locale.ROOT)
                    + " design has one point per combination");
        }
    }

    private static boolean knownMetric(Scenario scenario, String metric) {
        for (org.segmentlab.simulator.metrics.Metric m : org.segmentlab.simulator.metrics.Metric.values()) {
            if (m.key().equals(metric)) {
                return true;
            }
        }
        if (metric.startsWith("segment.")) {
            return scenario.taxonomy().segmentNames().contains(metric.substring("segment.".length()));
        }
        return (metric.equals("classifier_macro_f1") || metric.equals("classifier_accuracy")) && !scenario.truth().isEmpty();
    }
}
