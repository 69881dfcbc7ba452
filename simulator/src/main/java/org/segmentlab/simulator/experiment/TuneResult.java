package org.segmentlab.simulator.experiment;

import java.util.List;

import org.segmentlab.simulator.scenario.Scenario;

/**
 * The outcome of tuning.
 *
 * @param paths       the tuned paths
 * @param values      the best value of each, as scenario text
 * @param objective   the objective at the best values: mean over replications and its 95% interval
 * @param evaluations distinct candidates run
 * @param goal        what was optimised
 * @param tuned       the scenario with the best values (write it with {@code ScenarioWriter.toYaml})
 */
public record TuneResult(List<String> paths, List<String> values, MeanInterval objective, int evaluations,
        Objective goal, Scenario tuned) {

    public TuneResult {
        paths = List.copyOf(paths);
        values = List.copyOf(values);
    }
}
