package org.segmentlab.cli.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.cli.option.ThresholdPaths;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every simulating verb shares: the scenario file and the values that override it. Overrides go
 * through the scenario's own validation, so a bad {@code --set} or {@code --months} is reported like a bad line
 * of the file, located at the option. Counts are checked while parsing ({@link OptionTypes}); a threshold may be
 * named with or without its {@code thresholds.} prefix ({@link ThresholdPaths}).
 */
public final class ScenarioRunOptions {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (YAML), e.g. scenarios/four-types.yaml.")
    Path scenario;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = {"Override any scenario value by its path (repeatable), e.g.",
                "--set market.imitation=0.3  --set thresholds.loyal.frequency.min=4",
                "--set treatments.price-campaign.leakage=0.3  --set archetypes.loyal.share=0.25"})
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", description = "The root seed (default: the scenario's).")
    Long seed;

    @Option(names = "--months", paramLabel = "T", converter = OptionTypes.MonthCount.class,
            description = "Months to simulate, 1 to " + OptionTypes.MAX_MONTHS + " (default: the scenario's).")
    Integer months;

    @Option(names = {"-r", "--replications"}, paramLabel = "R", converter = OptionTypes.ReplicationCount.class,
            description = "Independent replications, for 95%% intervals, 1 to " + OptionTypes.MAX_REPLICATIONS
                    + " (default: the scenario's).")
    Integer replications;

    @Option(names = "--threads", paramLabel = "N", converter = OptionTypes.ThreadCount.class,
            description = "Worker threads, 1 to " + OptionTypes.MAX_THREADS + " (default: all processors). Results are"
                    + " identical for any number.")
    Integer threads;

    /** The scenario document with every override applied, in order: --set first, then the named options. */
    ScenarioDocument document() {
        ScenarioDocument document = Scenarios.load(scenario);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            document = document.with(ThresholdPaths.asScenarioPath(e.getKey()), e.getValue());
        }
        if (seed != null) {
            document = document.with("seed", Long.toString(seed));
        }
        if (months != null) {
            document = document.with("months", Integer.toString(months));
        }
        if (replications != null) {
            document = document.with("replications", Integer.toString(replications));
        }
        return document;
    }

    /** Every value changed from the scenario file, as {@code path=value} in the order applied (for the report). */
    java.util.List<String> appliedOverrides() {
        java.util.List<String> applied = new java.util.ArrayList<>();
        overrides.forEach((path, value) -> applied.add(ThresholdPaths.asScenarioPath(path) + "=" + value));
        if (seed != null) {
            applied.add("seed=" + seed);
        }
        if (months != null) {
            applied.add("months=" + months);
        }
        if (replications != null) {
            applied.add("replications=" + replications);
        }
        return applied;
    }

    /** The source line for charts of a run of {@code scenario} (this scenario with these options applied). */
    String sourceLine(org.segmentlab.simulator.scenario.Scenario scenario) {
        return new org.segmentlab.reports.output.RunSource(scenario.name(), scenario.seed(), scenario.replications(),
                org.segmentlab.cli.VersionProvider.version(), appliedOverrides()).line();
    }

    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** {@code out/<scenario file name without .yaml>}. */
    Path defaultOut() {
        String name = scenario.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return Path.of("out", name);
    }
}
