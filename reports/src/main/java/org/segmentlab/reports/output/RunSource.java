package org.segmentlab.reports.output;

import java.util.List;
import java.util.Objects;

/**
 * Where a report's numbers came from, as a reader needs it to trust or replay them: the scenario, seed, replications,
 * SegmentLab version and every value changed from the scenario file ({@code path=value}, as given with {@code --set},
 * {@code --seed}, … or in the workbench). Printed on every chart and at the top of the report.
 *
 * @param scenario     the scenario's name
 * @param seed         the root seed
 * @param replications replications run
 * @param version      the SegmentLab version
 * @param overrides    values changed from the scenario file, in the order applied; empty when run as written
 */
public record RunSource(String scenario, long seed, int replications, String version, List<String> overrides) {

    public RunSource {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(version, "version");
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** Whether the run differs from the scenario file. */
    public boolean modified() {
        return !overrides.isEmpty();
    }

    /**
     * One line for a chart's foot: "Source: SegmentLab 0.1.0 · Four types (seed 42, 1 replication) · modified:
     * market.imitation=0.3". The overrides are listed in full: a chart must not look like the shipped scenario's.
     */
    public String line() {
        StringBuilder b = new StringBuilder("Source: SegmentLab ").append(version).append(" · ").append(scenario)
                .append(" (seed ").append(seed).append(", ").append(replications)
                .append(replications == 1 ? " replication)" : " replications)");
        if (modified()) {
            b.append(" · modified: ").append(String.join(", ", overrides));
        }
        return b.toString();
    }
}
