package org.segmentlab.reports.table;

import java.util.List;

import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Customer lifetime value (discounted margin per customer over the run) by strategy and by the segment the
 * customers were in at month 0. Replications are pooled weighted by their customer counts, so the value is per
 * customer, not a mean of per-replication means.
 */
public final class LifetimeValueTable {
    private final List<String> strategies;
    private final List<String> segments;
    /** [strategy][segment] */
    private final double[][] value;
    /** [strategy][segment]: mean initial customers per replication */
    private final double[][] customers;

    private LifetimeValueTable(List<String> strategies, List<String> segments, double[][] value, double[][] customers) {
        this.strategies = strategies;
        this.segments = segments;
        this.value = value;
        this.customers = customers;
    }

    public static LifetimeValueTable of(RunResult result) {
        List<String> strategies = result.metrics().strategies();
        List<String> segments = result.segments();
        int replications = result.metrics().replications();
        double[][] value = new double[strategies.size()][segments.size()];
        double[][] customers = new double[strategies.size()][segments.size()];
        for (int s = 0; s < strategies.size(); s++) {
            for (int g = 0; g < segments.size(); g++) {
                double weighted = 0;
                double count = 0;
                for (int r = 0; r < replications; r++) {
                    RunDetail detail = result.detail(strategies.get(s), r);
                    double n = detail.initialSegmentCounts()[g];
                    double v = detail.lifetimeValue()[g];
                    if (n > 0 && Double.isFinite(v)) {
                        weighted += v * n;
                        count += n;
                    }
                }
                value[s][g] = count > 0 ? weighted / count : Double.NaN;
                customers[s][g] = count / replications;
            }
        }
        return new LifetimeValueTable(strategies, segments, value, customers);
    }

    public List<String> strategies() {
        return strategies;
    }

    public List<String> segments() {
        return segments;
    }

    /** Lifetime value per customer; NaN when the segment had no customers at month 0. */
    public double value(int strategy, int segment) {
        return value[strategy][segment];
    }

    /** Customers in the segment at month 0, mean per replication. */
    public double initialCustomers(int strategy, int segment) {
        return customers[strategy][segment];
    }
}
