package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * Issue 13's new keys written out at their "off" values give the run of a scenario without them, to the bit: an
 * empty {@code promotions:} list, a perfect {@code observation:} block and {@code dealTraining: 0}. The scenario is
 * the pre-issue four-types file (it has none of the keys), at 5 000 customers and 12 months (its rep-departure event
 * is in month 12), a few seconds; exact equality needs no
 * tolerance.
 */
class OffKeysTest {

    private static ScenarioDocument fourTypes() throws URISyntaxException {
        Path file = Path.of(OffKeysTest.class.getResource("pre-issue-13-four-types.yaml").toURI());
        return Scenarios.load(file).with("market.initialCustomers", "5000").with("market.potential", "50000")
                .with("months", "12");
    }

    private static MetricsTable run(ScenarioDocument doc) {
        return Simulator.run(doc.scenario(), RunOptions.threads(2)).metrics();
    }

    @Test
    void theNewKeysAtTheirOffValuesChangeNothing() throws URISyntaxException {
        MetricsTable without = run(fourTypes());
        MetricsTable off = run(fourTypes().with("promotions", "[]")
                .with("observation", "{surveyRate: 1, surveyNoise: 0, voiceRate: 1}")
                .with("behaviour.dealTraining", "0"));
        for (String strategy : without.strategies()) {
            for (String metric : without.metrics()) {
                assertThat(off.series(strategy, 0, metric)).as("%s %s", strategy, metric)
                        .containsExactly(without.series(strategy, 0, metric));
            }
        }
        // And they are not ignored: one sale month changes the run.
        MetricsTable oneSale = run(fourTypes().with("promotions", "[{month: 2, discount: 0.2}]"));
        assertThat(oneSale.series("baseline", 0, "discount_cost")).isNotEqualTo(without.series("baseline", 0, "discount_cost"));
    }
}
