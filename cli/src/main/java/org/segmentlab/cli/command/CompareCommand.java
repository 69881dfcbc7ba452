package org.segmentlab.cli.command;

import org.segmentlab.simulator.scenario.Scenario;

import picocli.CommandLine.Command;

/**
 * {@code segmentlab compare SCENARIO}: like {@code run}, but for judging strategies against the baseline: it needs
 * two strategies or more and, unless told otherwise, runs {@value #DEFAULT_REPLICATIONS} replications so every
 * difference gets a 95% interval.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = org.segmentlab.cli.VersionProvider.class,
        sortOptions = false,
        header = "Compare every strategy with the baseline (the first strategy), with 95%% intervals.",
        description = {
            "Runs every strategy on the same customers and random numbers (common random numbers) in "
                + "10 replications (or --replications, or the scenario's when it has more),"
                + " then prints each strategy's difference to the baseline — final retention, top-20%% share, net word of"
                + " mouth, cumulative profit — with its 95%% interval, and writes the same report as 'run'.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/segmentlab compare scenarios/discount-trap.yaml",
            "  bin/segmentlab compare scenarios/four-types.yaml --replications 30 \\",
            "      --out out/four-types-compare",
            "  bin/segmentlab compare scenarios/discount-trap.yaml --deck \\",
            "      --out out/discount-trap-deck",
        })
public final class CompareCommand extends SimulationCommand {
    static final int DEFAULT_REPLICATIONS = 10;

    @Override
    Scenario prepare(Scenario scenario) {
        requireStrategies(scenario, 2, "compare");
        return scenario;
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (options.replications == null) {
            int inFile = options.document().scenario().replications();
            options.replications = Math.max(inFile, DEFAULT_REPLICATIONS);
        }
        return super.call();
    }
}
