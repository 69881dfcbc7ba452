package org.segmentlab.reports.table;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.MetricsTable;

/** Paired differences to the baseline, the first strategy of the table: of final values, and month by month. */
public final class PairedDifferences {

    private PairedDifferences() {
    }

    /** Every non-baseline strategy against the baseline, for each {@link KeyFigure}: strategy-major order. */
    public static List<PairedDifference> of(MetricsTable table) {
        List<String> metrics = new ArrayList<>();
        for (KeyFigure figure : KeyFigure.values()) {
            metrics.add(figure.metricKey());
        }
        return of(table, metrics);
    }

    /** Every non-baseline strategy against the baseline, for each of {@code metrics}: strategy-major order. */
    public static List<PairedDifference> of(MetricsTable table, List<String> metrics) {
        List<PairedDifference> out = new ArrayList<>();
        List<String> strategies = table.strategies();
        for (int s = 1; s < strategies.size(); s++) {
            for (String metric : metrics) {
                out.add(of(table, strategies.get(s), metric));
            }
        }
        return out;
    }

    /** {@code strategy} minus the baseline at the last month of {@code metric}, paired by replication. */
    public static PairedDifference of(MetricsTable table, String strategy, String metric) {
        String baseline = table.strategies().get(0);
        double[] values = table.finalValues(strategy, metric);
        double[] base = table.finalValues(baseline, metric);
        double[] differences = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            differences[r] = values[r] - base[r];
        }
        MeanInterval interval = MeanInterval.of(differences);
        return new PairedDifference(strategy, metric, interval.mean(), interval.low(), interval.high(), interval.n());
    }

    /**
     * {@code strategy} minus the baseline month by month, paired by replication (common random numbers):
     * {@code [replication][month]}, months 0 … T, scaled by {@code factor} (100 for shares in percentage points).
     */
    public static double[][] monthlySeries(MetricsTable table, String strategy, String metric, double factor) {
        String baseline = table.strategies().get(0);
        double[][] out = new double[table.replications()][];
        for (int r = 0; r < out.length; r++) {
            double[] values = table.series(strategy, r, metric);
            double[] base = table.series(baseline, r, metric);
            out[r] = new double[values.length];
            for (int t = 0; t < values.length; t++) {
                out[r][t] = factor * (values[t] - base[t]);
            }
        }
        return out;
    }

    /** The band of {@link #monthlySeries}: per month, the mean paired difference and its 95% interval. */
    public static MonthlyBand monthly(MetricsTable table, String strategy, String metric, double factor) {
        return MonthlyBand.of(monthlySeries(table, strategy, metric, factor));
    }
}
