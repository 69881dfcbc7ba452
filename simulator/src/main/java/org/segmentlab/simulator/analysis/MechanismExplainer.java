package org.segmentlab.simulator.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.Mechanism;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * Why a strategy beats the baseline (the scenario's first strategy), by mechanism: runs the scenario once in full and
 * once with each mechanism it uses switched off, all with the scenario's seed and replications (common random
 * numbers, so differences are paired), and reports for each non-baseline strategy its advantage (Δ
 * profit_cumulative at the last month) with and without the mechanism and the share the mechanism carries,
 * 1 − advantage_off / advantage (means over the replications) with its 95% interval. Shares need not add up to 100%:
 * mechanisms interact (word of mouth spreads what satisfaction builds), and one switched off alone removes its
 * interactions too. Cost: one run of the scenario per mechanism used, plus one.
 */
public final class MechanismExplainer {

    /** The metric whose last month is the advantage. */
    static final String PROFIT = Metric.PROFIT_CUMULATIVE.key();

    /** Told before each run of the scenario starts: {@code index} of {@code total} (1-based), and what it is. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (index, total, mechanism) -> { };

        /** @param mechanism the mechanism switched off in this run, or null for the full model */
        void runStarting(int index, int total, Mechanism mechanism);
    }

    private MechanismExplainer() {
    }

    /**
     * The mechanisms {@link #explain} switches off: those the scenario uses (switching one off changes what it runs)
     * and has not switched off already, restricted to {@code only} unless that is empty, in declaration order.
     */
    public static List<Mechanism> mechanismsToSwitch(Scenario scenario, Set<Mechanism> only) {
        Scenario effective = scenario.effective();
        List<Mechanism> list = new ArrayList<>();
        for (Mechanism m : Mechanism.values()) {
            if (!scenario.mechanismsOff().contains(m) && (only == null || only.isEmpty() || only.contains(m))
                    && m.usedBy(effective)) {
                list.add(m);
            }
        }
        return list;
    }

    /**
     * One row per non-baseline strategy and mechanism switched off (strategies in scenario order, mechanisms in
     * declaration order).
     *
     * @param only     the mechanisms to look at; empty or null: every one the scenario uses
     * @param listener told before each run; may be null
     * @throws IllegalArgumentException when the scenario has a single strategy (nothing to explain)
     */
    public static List<ExplanationRow> explain(Scenario scenario, RunOptions options, Set<Mechanism> only, Listener listener) {
        if (scenario.strategies().size() < 2) {
            throw new IllegalArgumentException("the scenario has one strategy: explain compares each strategy with the first");
        }
        Listener told = listener == null ? Listener.NONE : listener;
        List<Mechanism> mechanisms = mechanismsToSwitch(scenario, only);
        int total = mechanisms.size() + 1;
        told.runStarting(1, total, null);
        MetricsTable full = Simulator.run(scenario, options).metrics();
        List<MetricsTable> off = new ArrayList<>();
        for (int i = 0; i < mechanisms.size(); i++) {
            told.runStarting(i + 2, total, mechanisms.get(i));
            Set<Mechanism> switched = EnumSet.of(mechanisms.get(i));
            switched.addAll(scenario.mechanismsOff());
            off.add(Simulator.run(scenario.withMechanismsOff(switched), options).metrics());
        }
        List<String> strategies = full.strategies();
        List<ExplanationRow> rows = new ArrayList<>();
        for (String strategy : strategies.subList(1, strategies.size())) {
            double[] advantage = advantage(full, strategy);
            for (int i = 0; i < mechanisms.size(); i++) {
                double[] withoutIt = advantage(off.get(i), strategy);
                MeanInterval carried = share(advantage, withoutIt);
                rows.add(new ExplanationRow(strategy, mechanisms.get(i), MeanInterval.of(advantage),
                        MeanInterval.of(withoutIt), carried));
            }
        }
        return rows;
    }

    /**
     * The share carried, 1 − mean(off) / mean(full) = mean(full − off) / mean(full), a ratio of paired means (so it
     * agrees with the two advantages shown beside it; a mean of per-replication ratios would blow up in a replication
     * whose advantage is near 0). Its 95% interval by the delta method: R ± t(0.975, n−1) · sd(d − R·a) / (√n · |ā|),
     * d = full − off, a = full per replication. NaN when the mean advantage is 0; no interval with one replication.
     */
    static MeanInterval share(double[] full, double[] off) {
        int n = full.length;
        double[] lost = new double[n];
        for (int r = 0; r < n; r++) {
            lost[r] = full[r] - off[r];
        }
        double meanFull = MeanInterval.of(full).mean();
        if (meanFull == 0) {
            return new MeanInterval(Double.NaN, Double.NaN, Double.NaN, n);
        }
        double ratio = MeanInterval.of(lost).mean() / meanFull;
        double[] residual = new double[n];
        for (int r = 0; r < n; r++) {
            residual[r] = (lost[r] - ratio * full[r]) / Math.abs(meanFull);
        }
        // The residuals have mean 0; MeanInterval gives their t half-width around it.
        MeanInterval spread = MeanInterval.of(residual);
        double half = n > 1 ? spread.high() - spread.mean() : Double.NaN;
        return new MeanInterval(ratio, ratio - half, ratio + half, n);
    }

    /** Per replication, the strategy's profit_cumulative at the last month minus the baseline's. */
    static double[] advantage(MetricsTable table, String strategy) {
        double[] s = table.finalValues(strategy, PROFIT);
        double[] base = table.finalValues(table.strategies().get(0), PROFIT);
        double[] d = new double[s.length];
        for (int r = 0; r < d.length; r++) {
            d[r] = s[r] - base[r];
        }
        return d;
    }
}
