package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.BehaviourParameter;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.MarketParameter;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * Every declared market value ({@link MarketParameter}) and behaviour value ({@link BehaviourParameter}) is wired into
 * the engine: a small run (3 000 customers, 6 months, fixed seed) with the value at its default (a required one: the
 * base's) and at its declared probe value, plus the settings its declaration says it needs, must differ in at least
 * one metric. A value that is accepted, validated and documented but read nowhere fails here, by name. The base has
 * only the two required market values, no promotions and no treatment, so each need is the declaration's to state;
 * its customers buy, ask for service, complain, refer and churn.
 */
class MarketAndBehaviourWiringTest {

    private static final String BASE = String.join("\n",
            "name: wiring",
            "seed: 11",
            "months: 6",
            "market: {potential: 30000, initialCustomers: 3000}",
            "archetypes:",
            "  - {name: loyal, share: 0.5, purchaseRate: 2, spend: {dist: lognormal, median: 80, sigma: 0.5}, churn: 0.05,",
            "     priceSensitivity: 0.6, advocacy: 0.3, serviceDemand: 1, satisfaction: {dist: beta, alpha: 5, beta: 3},",
            "     badExperience: 0.1}",
            "  - {name: hunter, share: 0.5, purchaseRate: 1, spend: {dist: lognormal, median: 20, sigma: 0.5}, churn: 0.05,",
            "     priceSensitivity: 0.6, advocacy: 0.3, serviceDemand: 1, satisfaction: {dist: beta, alpha: 5, beta: 3},",
            "     badExperience: 0.1}",
            "strategies:",
            "  - {name: wiring, treatments: {default: none}}",
            "");

    private static ScenarioDocument base;

    @BeforeAll
    static void parse() {
        base = Scenarios.parse(BASE, "wiring");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MarketParameter.class)
    void everyMarketValueChangesTheRun(MarketParameter p) {
        ScenarioDocument context = withNeeds(p.needs());
        Market market = context.scenario().market();
        double unchanged = p.required() ? market.get(p) : p.defaultValue(market::get);
        assertThat(p.probe()).as("%s's probe differs from its default", p.path()).isNotEqualTo(unchanged);
        MetricsTable neutral = run(context.with(p.path(), number(unchanged)));
        MetricsTable probed = run(context.with(p.path(), number(p.probe())));
        assertThat(differences(neutral, probed))
                .as("market value %s at %s (default %s, with %s) changes no metric: is it read by the engine?",
                        p.path(), number(p.probe()), number(unchanged), p.needs())
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BehaviourParameter.class)
    void everyBehaviourValueChangesTheRun(BehaviourParameter p) {
        ScenarioDocument context = withNeeds(p.needs());
        assertThat(context.scenario().behaviour().get(p)).as("%s is at its default in the base", p.path())
                .isEqualTo(p.defaultValue());
        MetricsTable neutral = run(context.with(p.path(), number(p.defaultValue())));
        MetricsTable probed = run(context.with(p.path(), number(p.probe())));
        assertThat(differences(neutral, probed))
                .as("behaviour value %s at %s (default %s, with %s) changes no metric: is it read by the engine?",
                        p.path(), number(p.probe()), number(p.defaultValue()), p.needs())
                .isNotEmpty();
    }

    /** The base with the settings a declaration says it needs, each {@code "path: value"}. */
    private static ScenarioDocument withNeeds(List<String> needs) {
        ScenarioDocument context = base;
        for (String need : needs) {
            String[] kv = need.split(": ", 2);
            context = context.with(kv[0], kv[1]);
        }
        return context;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static MetricsTable run(ScenarioDocument doc) {
        return Simulator.run(doc.scenario(), RunOptions.threads(1)).metrics();
    }

    /** The metrics whose series differ between the two runs (one strategy, one replication). */
    private static List<String> differences(MetricsTable a, MetricsTable b) {
        List<String> differ = new ArrayList<>();
        for (String metric : a.metrics()) {
            if (!Arrays.equals(a.series("wiring", 0, metric), b.series("wiring", 0, metric))) {
                differ.add(metric);
            }
        }
        return differ;
    }
}
