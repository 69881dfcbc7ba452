package org.segmentlab.simulator.metrics;

import java.util.List;

/**
 * The result of running a scenario: the tidy per-month metrics for every strategy and replication, plus the
 * details (Lorenz curves, transitions, confusion, cohorts, lifetime values). Reports read only this.
 *
 * @param segments   the taxonomy's segment names, in order
 * @param archetypes the archetype names, in order
 * @param truth      for each archetype, the index of the segment it should land in, or -1
 * @param seed       the root seed the run used
 */
public record RunResult(
        String scenarioName,
        String currency,
        long seed,
        List<String> segments,
        List<String> archetypes,
        int[] truth,
        MetricsTable metrics,
        List<RunDetail> details) {

    public RunResult {
        segments = List.copyOf(segments);
        archetypes = List.copyOf(archetypes);
        details = List.copyOf(details);
    }

    /** The detail of one strategy and replication. */
    public RunDetail detail(String strategy, int replication) {
        return details.stream()
                .filter(d -> d.strategy().equals(strategy) && d.replication() == replication)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run for strategy '" + strategy + "', replication " + replication));
    }

    public boolean hasTruth() {
        for (int t : truth) {
            if (t >= 0) {
                return true;
            }
        }
        return false;
    }
}
