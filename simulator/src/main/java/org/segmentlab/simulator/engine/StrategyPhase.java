package org.segmentlab.simulator.engine;

import org.segmentlab.model.strategy.Strategy;

/**
 * A change of one strategy's plan during a run: from month {@code fromMonth} on, the strategy named
 * {@code strategy} treats the segments (and spends its budget and advertising) as {@code plan} says. Months before
 * are run as before the change, on the same random numbers, so a phased run continues the plain run month for month
 * (a tournament round that carries a team's market on with its new entry).
 *
 * @param strategy  the name of a strategy of the scenario
 * @param fromMonth the first month of the new plan, 1 to the scenario's months
 * @param plan      treatments, budget and advertising from then on (its name is not used)
 */
public record StrategyPhase(String strategy, int fromMonth, Strategy plan) {

    public StrategyPhase {
        if (strategy == null || plan == null) {
            throw new IllegalArgumentException("a phase needs a strategy name and a plan");
        }
        if (fromMonth < 1) {
            throw new IllegalArgumentException("a phase starts in month 1 or later, got " + fromMonth);
        }
    }
}
