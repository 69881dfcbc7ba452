package org.segmentlab.simulator.metrics;

/**
 * What one (strategy, replication) recorded beyond the per-month metrics. Arrays are indexed by month 0 … T
 * first; segment indices follow the taxonomy. Treat as read-only.
 *
 * @param lorenz         [month][101]: cumulative share of trailing revenue held by the poorest 0%, 1%, … 100% of active customers
 * @param transitions    [month][from][to], (k + 1) × (k + 1) for k segments: customers whose segment changed from → to
 *                       at that month's classification (diagonal = stayed); index k is "new": row k counts the
 *                       customers classified for the first time (acquired since the last classification) by the
 *                       segment they enter, column k is always 0
 * @param confusion      [month][true segment][predicted segment] against the scenario's truth; null when the scenario has none
 * @param cohortActive   [acquisition month][month]: customers of each monthly cohort still active (cohort 0 = the initial customers)
 * @param cohortSize     [acquisition month]: customers acquired that month
 * @param lifetimeValue  [segment]: discounted margin per customer over the run, for the customers in that segment at month 0
 * @param initialSegmentCounts [segment]: customers in each segment at month 0
 * @param channelCustomers     [{@link AcquisitionChannel}]: customers by how they came (initial: at month 0; the others:
 *                             acquired during the run, a returning ex-customer once per return)
 * @param channelLifetimeValue [channel]: discounted margin per customer of the channel, from arrival to the end of the
 *                             run (late arrivals had less time: compare channels, not with the initial customers)
 * @param channelAcquisitionCost [channel]: acquisition cost per customer of the channel (win-back offers included)
 */
public record RunDetail(
        String strategy,
        int replication,
        double[][] lorenz,
        long[][][] transitions,
        long[][][] confusion,
        long[][] cohortActive,
        long[] cohortSize,
        double[] lifetimeValue,
        long[] initialSegmentCounts,
        long[] channelCustomers,
        double[] channelLifetimeValue,
        double[] channelAcquisitionCost) {

    /** A run without per-channel figures (zero customers, NaN values). */
    public RunDetail(String strategy, int replication, double[][] lorenz, long[][][] transitions, long[][][] confusion,
                     long[][] cohortActive, long[] cohortSize, double[] lifetimeValue, long[] initialSegmentCounts) {
        this(strategy, replication, lorenz, transitions, confusion, cohortActive, cohortSize, lifetimeValue,
                initialSegmentCounts, new long[AcquisitionChannel.values().length], nan(), nan());
    }

    private static double[] nan() {
        double[] v = new double[AcquisitionChannel.values().length];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
