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
}
