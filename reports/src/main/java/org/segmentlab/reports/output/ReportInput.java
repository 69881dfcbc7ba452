package org.segmentlab.reports.output;

import java.util.Objects;

import org.segmentlab.simulator.metrics.RunResult;

/**
 * Everything a report is made from: the run's result tables plus the text that lets a reader replay it. Reports
 * never reach into the engine.
 *
 * @param result                the run result (metrics and details)
 * @param description           the scenario's description, as given (may be empty)
 * @param resolvedScenarioYaml  the resolved scenario as YAML text, written verbatim to {@code scenario.resolved.yaml}
 * @param version               the SegmentLab version that produced the run
 * @param overrides             values changed from the scenario file ({@code path=value}, in the order applied)
 */
public record ReportInput(RunResult result, String description, String resolvedScenarioYaml, String version,
                          java.util.List<String> overrides) {

    public ReportInput {
        Objects.requireNonNull(result, "result");
        description = description == null ? "" : description;
        Objects.requireNonNull(resolvedScenarioYaml, "resolvedScenarioYaml");
        Objects.requireNonNull(version, "version");
        overrides = overrides == null ? java.util.List.of() : java.util.List.copyOf(overrides);
    }

    /** A run of the scenario file as written. */
    public ReportInput(RunResult result, String description, String resolvedScenarioYaml, String version) {
        this(result, description, resolvedScenarioYaml, version, java.util.List.of());
    }

    /** Where the numbers came from: printed on every chart and at the top of the report. */
    public RunSource source() {
        return new RunSource(result.scenarioName(), result.seed(), result.metrics().replications(), version, overrides);
    }
}
