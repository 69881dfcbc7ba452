package org.segmentlab.reports;

import org.segmentlab.simulator.metrics.RunResult;

/**
 * A two-replication run with hand-set per-channel figures (the same for every strategy), whose pooled values are
 * known: advertising has 100 customers at 50 (cost 10) in replication 0 and 300 at 30 (cost 20) in replication 1, so
 * pooled by customers it is worth 35 and cost 17.5 (a mean of the two means would say 40 and 15); referrals come only
 * in replication 1; win-back brings nobody.
 */
public final class ChannelFixture {
    /** [replication][channel ordinal: initial, advertising, imitation, referral, win-back] */
    static final long[][] CUSTOMERS = {{1000, 100, 40, 0, 0}, {1000, 300, 60, 50, 0}};
    static final double[][] VALUE = {{200, 50, 90, Double.NaN, Double.NaN}, {220, 30, 70, 80, Double.NaN}};
    static final double[][] COST = {{0, 10, 10, Double.NaN, Double.NaN}, {0, 20, 10, 5, Double.NaN}};

    private ChannelFixture() {
    }

    /** A synthetic two-strategy, two-replication run carrying the figures above. */
    public static RunResult of() {
        return Fixtures.withChannels(SyntheticRun.of(2, 2, 6, 5), CUSTOMERS, VALUE, COST);
    }
}
