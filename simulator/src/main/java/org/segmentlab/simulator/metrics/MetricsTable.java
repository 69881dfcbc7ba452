package org.segmentlab.simulator.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Per-month metrics of a run: value(strategy, replication, metric, month) for months 0 … T. Tidy by construction
 * (one value per strategy × replication × metric × month); {@link #forEachRow} walks it in the order of
 * {@code metrics.csv}. Immutable once built.
 */
public final class MetricsTable {
    private final List<String> strategies;
    private final int replications;
    private final int months;
    private final List<String> metrics;
    /** [strategy][replication][metric][month] */
    private final double[][][][] values;

    public MetricsTable(List<String> strategies, int replications, int months, List<String> metrics, double[][][][] values) {
        this.strategies = List.copyOf(strategies);
        this.replications = replications;
        this.months = months;
        this.metrics = List.copyOf(metrics);
        this.values = values;
        if (values.length != strategies.size()) {
            throw new IllegalArgumentException("values must have one entry per strategy");
        }
    }

    public List<String> strategies() {
        return strategies;
    }

    public int replications() {
        return replications;
    }

    /** T: the last month; months run 0 … T. */
    public int months() {
        return months;
    }

    public List<String> metrics() {
        return metrics;
    }

    public int metricIndex(String metric) {
        int i = metrics.indexOf(metric);
        if (i < 0) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; known: " + String.join(", ", metrics));
        }
        return i;
    }

    public int strategyIndex(String strategy) {
        int i = strategies.indexOf(strategy);
        if (i < 0) {
            throw new IllegalArgumentException("unknown strategy '" + strategy + "'; known: " + String.join(", ", strategies));
        }
        return i;
    }

    public double value(String strategy, int replication, String metric, int month) {
        return values[strategyIndex(strategy)][replication][metricIndex(metric)][month];
    }

    /** Months 0 … T of one metric (a copy). */
    public double[] series(String strategy, int replication, String metric) {
        return values[strategyIndex(strategy)][replication][metricIndex(metric)].clone();
    }

    /** The value at the last month, for each replication. */
    public double[] finalValues(String strategy, String metric) {
        int s = strategyIndex(strategy);
        int m = metricIndex(metric);
        double[] out = new double[replications];
        for (int r = 0; r < replications; r++) {
            out[r] = values[s][r][m][months];
        }
        return out;
    }

    /** A row of the tidy table. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(String strategy, int replication, int month, String metric, double value);
    }

    /** Every value in the order of metrics.csv: strategy, replication, month, then metric. */
    public void forEachRow(RowConsumer consumer) {
        for (int s = 0; s < strategies.size(); s++) {
            for (int r = 0; r < replications; r++) {
                for (int t = 0; t <= months; t++) {
                    for (int m = 0; m < metrics.size(); m++) {
                        consumer.accept(strategies.get(s), r, t, metrics.get(m), values[s][r][m][t]);
                    }
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MetricsTable)) {
            return false;
        }
        MetricsTable other = (MetricsTable) o;
        return strategies.equals(other.strategies) && replications == other.replications && months == other.months
                && metrics.equals(other.metrics) && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }
}
