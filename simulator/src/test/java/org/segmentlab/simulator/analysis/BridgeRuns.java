package org.segmentlab.simulator.analysis;

import java.nio.file.Path;

import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/** Shipped scenarios at a reduced size, for the bridge tests. */
final class BridgeRuns {
    static final Path SHIPPED = Path.of("..", "scenarios");

    private BridgeRuns() {
    }

    /**
     * A shipped scenario with {@code customers} initial customers and the potential scaled by the same factor (the
     * market keeps its shape), run with {@code replications} replications.
     */
    static ScenarioDocument reduced(String file, int customers, int replications) {
        ScenarioDocument doc = Scenarios.load(SHIPPED.resolve(file));
        Scenario shipped = doc.scenario();
        int initial = shipped.market().initialCustomers();
        double factor = initial == 0 ? 1 : Math.min(1, (double) customers / initial);
        long potential = Math.max(customers, Math.round(shipped.market().potential() * factor));
        return doc.with("market.initialCustomers", Integer.toString(Math.min(initial, customers)))
                .with("market.potential", Long.toString(potential))
                .with("replications", Integer.toString(replications));
    }

    static MetricsTable run(ScenarioDocument doc) {
        return Simulator.run(doc.scenario(), RunOptions.threads(2)).metrics();
    }
}
