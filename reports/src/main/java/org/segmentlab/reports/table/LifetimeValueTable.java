package org.segmentlab.reports.table;

import java.util.List;

import org.segmentlab.simulator.metrics.AcquisitionChannel;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Customer lifetime value (discounted margin per customer over the run) by strategy and by the segment the
 * customers were in at month 0, and by strategy and {@link AcquisitionChannel} (from arrival to the end of the run,
 * with the acquisition cost per customer beside it). Replications are pooled weighted by their customer counts, so
 * every value is per customer, not a mean of per-replication means.
 */
public final class LifetimeValueTable {
    private final List<String> strategies;
    private final List<String> segments;
    /** [strategy][segment] */
    private final double[][] value;
    /** [strategy][segment]: mean initial customers per replication */
    private final double[][] customers;

    /** [strategy][channel ordinal] */
    private final double[][] channelValue;
    /** [strategy][channel ordinal] */
    private final double[][] channelCost;
    /** [strategy][channel ordinal]: mean customers per replication */
    private final double[][] channelCustomers;

    private LifetimeValueTable(List<String> strategies, List<String> segments, double[][] value, double[][] customers,
            double[][] channelValue, double[][] channelCost, double[][] channelCustomers) {
        this.strategies = strategies;
        this.segments = segments;
        this.value = value;
        this.customers = customers;
        this.channelValue = channelValue;
        this.channelCost = channelCost;
        this.channelCustomers = channelCustomers;
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
        int channels = AcquisitionChannel.values().length;
        double[][] channelValue = new double[strategies.size()][channels];
        double[][] channelCost = new double[strategies.size()][channels];
        double[][] channelCustomers = new double[strategies.size()][channels];
        for (int s = 0; s < strategies.size(); s++) {
            for (int c = 0; c < channels; c++) {
                Pooled perCustomer = new Pooled();
                Pooled cost = new Pooled();
                long total = 0;
                for (int r = 0; r < replications; r++) {
                    RunDetail detail = result.detail(strategies.get(s), r);
                    long n = detail.channelCustomers()[c];
                    total += n;
                    perCustomer.add(detail.channelLifetimeValue()[c], n);
                    cost.add(detail.channelAcquisitionCost()[c], n);
                }
                channelValue[s][c] = perCustomer.mean();
                channelCost[s][c] = cost.mean();
                channelCustomers[s][c] = total / (double) replications;
            }
        }
        return new LifetimeValueTable(strategies, segments, value, customers, channelValue, channelCost, channelCustomers);
    }

    /** A mean per customer over replications, each replication's per-customer figure weighted by its customers. */
    private static final class Pooled {
        private double weighted;
        private double count;

        void add(double perCustomer, long customers) {
            if (customers > 0 && Double.isFinite(perCustomer)) {
                weighted += perCustomer * customers;
                count += customers;
            }
        }

        double mean() {
            return count > 0 ? weighted / count : Double.NaN;
        }
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

    /** Every channel, in the order of {@link AcquisitionChannel}: initial, advertising, imitation, referral, win-back. */
    public List<AcquisitionChannel> channels() {
        return List.of(AcquisitionChannel.values());
    }

    /** Customers who came by {@code channel} (a returning ex-customer once per return), mean per replication. */
    public double channelCustomers(int strategy, AcquisitionChannel channel) {
        return channelCustomers[strategy][channel.ordinal()];
    }

    /**
     * Discounted margin per customer of {@code channel}, from arrival to the end of the run (late arrivals had less
     * time: compare channels within a strategy); NaN when the channel brought nobody.
     */
    public double channelValue(int strategy, AcquisitionChannel channel) {
        return channelValue[strategy][channel.ordinal()];
    }

    /** Acquisition cost per customer of {@code channel} (win-back offers included); NaN when it brought nobody. */
    public double channelCost(int strategy, AcquisitionChannel channel) {
        return channelCost[strategy][channel.ordinal()];
    }

    /** {@link #channelValue} less {@link #channelCost}: what a customer of the channel left once paid for; NaN when none. */
    public double channelNetValue(int strategy, AcquisitionChannel channel) {
        return channelValue(strategy, channel) - channelCost(strategy, channel);
    }
}
