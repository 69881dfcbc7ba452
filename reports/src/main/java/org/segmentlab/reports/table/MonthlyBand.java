package org.segmentlab.reports.table;

import java.util.List;

import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * One metric of one strategy month by month: the mean over replications and its 95% interval (the band drawn
 * around a line). With one replication {@code low} and {@code high} are NaN.
 */
public final class MonthlyBand {
    private final MeanInterval[] months;

    private MonthlyBand(MeanInterval[] months) {
        this.months = months;
    }

    /** The band of {@code metric} for {@code strategy}, months 0 … T. */
    public static MonthlyBand of(MetricsTable table, String strategy, String metric) {
        int replications = table.replications();
        double[][] series = new double[replications][];
        for (int r = 0; r < replications; r++) {
            series[r] = table.series(strategy, r, metric);
        }
        return of(series);
    }

    /**
     * The band of the sum of several {@code metrics} of {@code strategy} (for example two acquisition channels),
     * summed within each replication before the interval is taken, so the band is that of the total.
     */
    public static MonthlyBand ofSum(MetricsTable table, String strategy, List<String> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("need at least one metric to sum");
        }
        int replications = table.replications();
        double[][] series = new double[replications][];
        for (int r = 0; r < replications; r++) {
            series[r] = table.series(strategy, r, metrics.get(0));
            for (int m = 1; m < metrics.size(); m++) {
                double[] more = table.series(strategy, r, metrics.get(m));
                for (int t = 0; t < more.length; t++) {
                    series[r][t] += more[t];
                }
            }
        }
        return of(series);
    }

    /** The band over replications of {@code series[replication][month]}. */
    public static MonthlyBand of(double[][] series) {
        int length = series[0].length;
        MeanInterval[] out = new MeanInterval[length];
        double[] column = new double[series.length];
        for (int t = 0; t < length; t++) {
            for (int r = 0; r < series.length; r++) {
                column[r] = series[r][t];
            }
            out[t] = MeanInterval.of(column);
        }
        return new MonthlyBand(out);
    }

    /** Number of months, T + 1. */
    public int length() {
        return months.length;
    }

    public MeanInterval at(int month) {
        return months[month];
    }

    public double mean(int month) {
        return months[month].mean();
    }
}
