package org.segmentlab.reports;

import java.nio.file.Path;

import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The shipped four-types scenario at 4 000 initial customers (potential 40 000), 4 replications and 24 months, run
 * once per test JVM: a real engine run whose profit bridge has a clear message, for the bridge's report tests.
 */
public final class BridgeRun {
    private static RunResult run;

    private BridgeRun() {
    }

    public static ScenarioDocument document() {
        return Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.initialCustomers", "4000").with("market.potential", "40000")
                .with("replications", "4").with("months", "24");
    }

    public static synchronized RunResult get() {
        if (run == null) {
            run = Simulator.run(document().scenario(), RunOptions.threads(2));
        }
        return run;
    }
}
