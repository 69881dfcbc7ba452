package org.segmentlab.simulator.metrics;

import java.util.Objects;

/**
 * The cumulative profit (month 1 … T) of one attribution variant in each replication: strategy {@code strategy} run
 * with one part set back to the baseline's (common random numbers with the strategies). Treat the array as read-only.
 *
 * @param strategy  the non-baseline strategy the variant is derived from
 * @param segment   the segment whose treatment was set back to the baseline's, or {@link #ADVERTISING} when the
 *                  variant runs with the baseline's advertising instead
 * @param treatment the strategy's treatment of that segment (empty for advertising)
 * @param profit    [replication]: {@code profit_cumulative} at the last month
 */
public record VariantProfit(String strategy, String segment, String treatment, double[] profit) {
    /** The segment label of the variant that runs with the baseline's advertising. */
    public static final String ADVERTISING = "advertising";

    public VariantProfit {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(segment, "segment");
        treatment = treatment == null ? "" : treatment;
        Objects.requireNonNull(profit, "profit");
    }

    /** Whether this variant isolates the strategy's advertising rather than a segment's treatment. */
    public boolean isAdvertising() {
        return treatment.isEmpty() && ADVERTISING.equals(segment);
    }
}
