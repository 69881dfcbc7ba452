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
 */
public record ReportInput(RunResult result, String description, String resolvedScenarioYaml, String version) {

    public ReportInput {
        Objects.requireNonNull(result, "result");
        description = description == null ? "" : description;
        Objects.requireNonNull(resolvedScenarioYaml, "resolvedScenarioYaml");
        Objects.requireNonNull(version, "version");
    }
}
