package org.segmentlab.cli.command;

import org.segmentlab.simulator.scenario.Scenario;

import picocli.CommandLine.Command;

/** {@code segmentlab run SCENARIO}: simulate every strategy of a scenario and write the report. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = org.segmentlab.cli.VersionProvider.class,
        sortOptions = false,
        header = "Simulate a scenario under each of its strategies and write the report.",
        description = {
            "Generates the scenario's customers, runs them month by month under every strategy (all strategies start"
                + " from the same customers and draw the same random numbers, so differences come from the strategies),"
                + " and writes a report folder: report.html (open it in a browser), metrics.csv (tidy:"
                + " strategy,replication,month,metric,value), bridge.csv (each strategy's profit difference to the"
                + " baseline in parts: strategy,component,mean,low,high), summary.json, scenario.resolved.yaml and"
                + " charts/*.png|svg;"
                + " with --deck also deck.pptx, the charts as slides.",
            "",
            "The same scenario and seed give identical results on any machine and for any --threads.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/segmentlab run scenarios/four-types.yaml",
            "  bin/segmentlab run scenarios/discount-trap.yaml \\",
            "      --set treatments.price-campaign.leakage=0.3 --out out/leaky",
            "  bin/segmentlab run scenarios/four-types.yaml --replications 10 --seed 7 \\",
            "      --months 24",
            "  bin/segmentlab run scenarios/four-types.yaml --deck",
        })
public final class RunCommand extends SimulationCommand {

    @Override
    Scenario prepare(Scenario scenario) {
        return scenario;
    }
}
