package org.segmentlab.reports;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;

/** Variants of {@link SyntheticRun} results for edge cases. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The same run without a truth and without confusion matrices. */
    public static RunResult withoutTruth(RunResult result) {
        List<RunDetail> details = new ArrayList<>();
        for (RunDetail d : result.details()) {
            details.add(new RunDetail(d.strategy(), d.replication(), d.lorenz(), d.transitions(), null, d.cohortActive(), d.cohortSize(),
                    d.lifetimeValue(), d.initialSegmentCounts()));
        }
        int[] truth = new int[result.archetypes().size()];
        java.util.Arrays.fill(truth, -1);
        return new RunResult(result.scenarioName(), result.currency(), result.seed(), result.segments(), result.archetypes(), truth,
                result.metrics(), details);
    }

    /** The same run with its metrics replaced (details unchanged). */
    public static RunResult withMetrics(RunResult result, MetricsTable metrics) {
        return new RunResult(result.scenarioName(), result.currency(), result.seed(), result.segments(), result.archetypes(), result.truth(), metrics,
                result.details());
    }

    /**
     * A copy of the run's metrics where strategy 1's final value of {@code metric} is the baseline's plus
     * {@code offsets[replication]}.
     */
    public static MetricsTable shiftFinal(MetricsTable table, String metric, double[] offsets) {
        int strategies = table.strategies().size();
        int replications = table.replications();
        int metrics = table.metrics().size();
        double[][][][] values = new double[strategies][replications][metrics][];
        for (int s = 0; s < strategies; s++) {
            for (int r = 0; r < replications; r++) {
                for (int m = 0; m < metrics; m++) {
                    values[s][r][m] = table.series(table.strategies().get(s), r, table.metrics().get(m));
                }
            }
        }
        int m = table.metricIndex(metric);
        for (int r = 0; r < replications; r++) {
            values[1][r][m][table.months()] = values[0][r][m][table.months()] + offsets[r];
        }
        return new MetricsTable(table.strategies(), replications, table.months(), table.metrics(), values);
    }

    /** The same run with its strategies renamed, in order. */
    public static RunResult renameStrategies(RunResult result, List<String> names) {
        MetricsTable t = result.metrics();
        double[][][][] values = new double[t.strategies().size()][t.replications()][t.metrics().size()][];
        for (int s = 0; s < values.length; s++) {
            for (int r = 0; r < t.replications(); r++) {
                for (int m = 0; m < t.metrics().size(); m++) {
                    values[s][r][m] = t.series(t.strategies().get(s), r, t.metrics().get(m));
                }
            }
        }
        List<RunDetail> details = new ArrayList<>();
        for (RunDetail d : result.details()) {
            String name = names.get(t.strategyIndex(d.strategy()));
            details.add(new RunDetail(name, d.replication(), d.lorenz(), d.transitions(), d.confusion(), d.cohortActive(), d.cohortSize(),
                    d.lifetimeValue(), d.initialSegmentCounts()));
        }
        MetricsTable renamed = new MetricsTable(names, t.replications(), t.months(), t.metrics(), values);
        return new RunResult(result.scenarioName(), result.currency(), result.seed(), result.segments(), result.archetypes(), result.truth(), renamed,
                details);
    }

    /**
     * The same run with per-channel figures replaced: every strategy gets, in replication r, {@code customers[r][c]},
     * {@code value[r][c]} and {@code cost[r][c]} for the channel of ordinal c.
     */
    public static RunResult withChannels(RunResult result, long[][] customers, double[][] value, double[][] cost) {
        List<RunDetail> details = new ArrayList<>();
        for (RunDetail d : result.details()) {
            int r = d.replication();
            details.add(new RunDetail(d.strategy(), r, d.lorenz(), d.transitions(), d.confusion(), d.cohortActive(), d.cohortSize(),
                    d.lifetimeValue(), d.initialSegmentCounts(), customers[r].clone(), value[r].clone(), cost[r].clone()));
        }
        return new RunResult(result.scenarioName(), result.currency(), result.seed(), result.segments(), result.archetypes(), result.truth(),
                result.metrics(), details);
    }
}
