package org.segmentlab.simulator.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * One-at-a-time threshold sensitivity: each threshold of the taxonomy is shifted across ±{@code range} of its
 * value (a threshold of 0 by ±{@code range} itself) in {@code steps} steps each side, all others held, and the run's
 * last-month segment sizes, macro-F1 against the truth, retention and top-20% share recorded (means over the
 * replications, one strategy). Every run uses the scenario's seed: common random numbers, so a change comes from the
 * shift alone.
 *
 * <pre>{@code
 * SensitivityTable t = Sensitivity.of(Scenarios.load(path)).range(0.25).steps(2).run();
 * }</pre>
 */
public final class Sensitivity {

    private final ScenarioDocument base;
    private final List<String> paths;
    private final double range;
    private final int steps;
    private final Integer replications;
    private final String strategy;
    private final int threads;

    private Sensitivity(ScenarioDocument base, List<String> paths, double range, int steps, Integer replications,
            String strategy, int threads) {
        this.base = base;
        this.paths = paths;
        this.range = range;
        this.steps = steps;
        this.replications = replications;
        this.strategy = strategy;
        this.threads = threads;
    }

    /** Every threshold of the scenario's taxonomy, ±25%, two steps each side, the first strategy. */
    public static Sensitivity of(ScenarioDocument base) {
        return new Sensitivity(base, null, 0.25, 2, null, null, Runtime.getRuntime().availableProcessors());
    }

    /** Only these threshold paths (as {@code loyal.frequency.min}, or with the {@code thresholds.} prefix). */
    public Sensitivity paths(List<String> p) {
        return new Sensitivity(base, p == null || p.isEmpty() ? null : List.copyOf(p), range, steps, replications, strategy, threads);
    }

    /** The relative half-width of the shift, e.g. 0.25 for ±25%. */
    public Sensitivity range(double r) {
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("the range must be a positive number such as 0.25 (±25%), got " + r);
        }
        return new Sensitivity(base, paths, r, steps, replications, strategy, threads);
    }

    /** Shifts on each side of the base value (≥ 1). */
    public Sensitivity steps(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + n);
        }
        return new Sensitivity(base, paths, range, n, replications, strategy, threads);
    }

    public Sensitivity replications(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + r);
        }
        return new Sensitivity(base, paths, range, steps, r, strategy, threads);
    }

    public Sensitivity strategy(String s) {
        return new Sensitivity(base, paths, range, steps, replications, s, threads);
    }

    public Sensitivity threads(int n) {
        return new Sensitivity(base, paths, range, steps, replications, strategy, n);
    }

    /** Runs the base and every shift: 1 + thresholds × 2·steps runs. */
    public SensitivityTable run() {
        ScenarioDocument doc = replications == null ? base : base.with("replications", Integer.toString(replications));
        Scenario scenario = doc.scenario();
        List<String> all = scenario.taxonomy().thresholdPaths();
        List<String> chosen = new ArrayList<>();
        for (String p : paths == null ? all : paths) {
            String bare = p.startsWith("thresholds.") ? p.substring("thresholds.".length()) : p;
            if (!all.contains(bare)) {
                throw new IllegalArgumentException("'" + p + "' is not a threshold of taxonomy '" + scenario.taxonomy().name()
                        + "'; its thresholds are: " + String.join(", ", all));
            }
            chosen.add(bare);
        }
        String s = strategy != null ? strategy : scenario.strategies().get(0).name();
        MetricsTable baseRun = FreshThread.call(() -> Simulator.run(scenario, RunOptions.threads(threads))).metrics();
        baseRun.strategyIndex(s);
        List<String> metrics = SensitivityTable.metricsOf(baseRun);
        List<SensitivityTable.Row> rows = new ArrayList<>();
        double[] baseValues = SensitivityTable.means(baseRun, s, metrics);
        for (String path : chosen) {
            Optional<Float> value = scenario.taxonomy().threshold(path);
            double b = value.orElseThrow().doubleValue();
            for (int k = -steps; k <= steps; k++) {
                double shift = range * k / steps;
                if (k == 0) {
                    rows.add(new SensitivityTable.Row(path, 0, b, baseValues));
                    continue;
                }
                double x = b == 0 ? shift : b * (1 + shift);
                String text = Factor.fmt(Math.round(x * 1e6) / 1e6);
                Scenario shifted = doc.with("thresholds." + path, text).scenario();
                MetricsTable m = FreshThread.call(() -> Simulator.run(shifted, RunOptions.threads(threads))).metrics();
                rows.add(new SensitivityTable.Row(path, shift, Double.parseDouble(text), SensitivityTable.means(m, s, metrics)));
            }
        }
        return new SensitivityTable(s, range, metrics, rows);
    }
}
