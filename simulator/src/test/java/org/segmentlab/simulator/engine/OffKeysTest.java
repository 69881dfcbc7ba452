package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.simulator.engine.EngineRuns.assertSameRun;
import static org.segmentlab.simulator.engine.EngineRuns.resource;
import static org.segmentlab.simulator.engine.EngineRuns.run;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * Issue 13's new keys written out at their "off" values give the run of a scenario without them, to the bit: an
 * empty {@code promotions:} list, a perfect {@code observation:} block and {@code dealTraining: 0}. The scenario is
 * the pre-issue four-types file (it has none of the keys), at 5 000 customers and 12 months (its rep-departure event
 * is in month 12), a few seconds; exact equality needs no
 * tolerance.
 */
class OffKeysTest {

    private static ScenarioDocument fourTypes() {
        return resource("pre-issue-13-four-types.yaml").with("market.initialCustomers", "5000")
                .with("market.potential", "50000").with("months", "12");
    }

    @Test
    void theNewKeysAtTheirOffValuesChangeNothing() {
        MetricsTable without = run(fourTypes());
        MetricsTable off = run(fourTypes().with("promotions", "[]")
                .with("observation", "{surveyRate: 1, surveyNoise: 0, voiceRate: 1}")
                .with("behaviour.dealTraining", "0"));
        assertSameRun(off, without, "the new keys at their off values");
        // And they are not ignored: one sale month changes the run.
        MetricsTable oneSale = run(fourTypes().with("promotions", "[{month: 2, discount: 0.2}]"));
        assertThat(oneSale.series("baseline", 0, "discount_cost")).isNotEqualTo(without.series("baseline", 0, "discount_cost"));
    }
}
