package org.segmentlab.simulator.analysis;

import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.scenario.Mechanism;

/**
 * How much of one strategy's advantage over the baseline one mechanism carries ({@link MechanismExplainer}).
 *
 * @param strategy     a non-baseline strategy
 * @param mechanism    the mechanism switched off
 * @param advantage    profit_cumulative(strategy) − profit_cumulative(baseline) at the last month, full model
 * @param advantageOff the same with the mechanism switched off (same seed: common random numbers)
 * @param carried      1 − advantageOff / advantage (ratio of the means, 95% interval by the delta method over the
 *                     paired replications): the share of the advantage the mechanism carries (above 1 when without it
 *                     the strategy would lose, below 0 when it works against it)
 */
public record ExplanationRow(String strategy, Mechanism mechanism, MeanInterval advantage, MeanInterval advantageOff,
                             MeanInterval carried) {

    /**
     * Whether the advantage is clear of 0: its 95% interval excludes 0 (with one replication, not exactly 0). A share
     * of an advantage that may be 0 is noise (it divides by almost nothing), so tables and charts leave it out.
     */
    public boolean advantageClear() {
        MeanInterval a = advantage;
        if (a.n() < 2 || !Double.isFinite(a.low())) {
            return a.mean() != 0 && Double.isFinite(a.mean());
        }
        return a.low() > 0 || a.high() < 0;
    }
}
