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
 * @param events     the scenario's events that touch someone, in file order, for the charts to mark
 * @param attribution the profits of the attribution variants ({@link AttributionRuns#NOT_RUN} when skipped); never
 *                    part of {@link #metrics()} or {@link #details()}
 */
public record RunResult(
        String scenarioName,
        String currency,
        long seed,
        List<String> segments,
        List<String> archetypes,
        int[] truth,
        MetricsTable metrics,
        List<RunDetail> details,
        List<EventPeriod> events,
        AttributionRuns attribution) {

    public RunResult {
        attribution = attribution == null ? AttributionRuns.NOT_RUN : attribution;
        segments = List.copyOf(segments);
        archetypes = List.copyOf(archetypes);
        details = List.copyOf(details);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A result without attribution variants. */
    public RunResult(String scenarioName, String currency, long seed, List<String> segments, List<String> archetypes, int[] truth,
                     MetricsTable metrics, List<RunDetail> details, List<EventPeriod> events) {
        this(scenarioName, currency, seed, segments, archetypes, truth, metrics, details, events, AttributionRuns.NOT_RUN);
    }

    /** A result without events. */
    public RunResult(String scenarioName, String currency, long seed, List<String> segments, List<String> archetypes, int[] truth,
                     MetricsTable metrics, List<RunDetail> details) {
        this(scenarioName, currency, seed, segments, archetypes, truth, metrics, details, List.of(), AttributionRuns.NOT_RUN);
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
