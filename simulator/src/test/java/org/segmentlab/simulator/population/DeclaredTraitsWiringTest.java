package org.segmentlab.simulator.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;
import org.segmentlab.simulator.scenario.Trait;

/**
 * Every declared archetype trait is read by the engine: a small run (3 000 customers, 6 months, fixed seed) with the
 * trait at its default (for a required trait, the base's value) and at its declared probe value (plus the settings its
 * declaration says it needs) must differ in at least one metric. The probe is a constant, which draws nothing, so
 * every other draw stays where it was: only the engine's use of the trait can change a number. A trait that is
 * declared, read, checked, documented and drawn into a column that no stage reads fails here, by name. The base market
 * has every mechanism on: purchases, service, complaints, churn, referrals and acquisition.
 */
class DeclaredTraitsWiringTest {

    private static final String BASE = String.join("\n",
            "name: traits",
            "seed: 11",
            "months: 6",
            "market: {potential: 30000, initialCustomers: 3000, innovation: 0.01, imitation: 0.3, acquisitionCost: 10}",
            "archetypes:",
            "  - {name: only, share: 1, purchaseRate: 1, spend: {dist: lognormal, median: 40, sigma: 0.5}, churn: 0.05,",
            "     priceSensitivity: 0.5, advocacy: 0.3, serviceDemand: 1, satisfaction: {dist: beta, alpha: 5, beta: 3},",
            "     badExperience: 0.1}",
            "strategies:",
            "  - {name: wiring, treatments: {default: none}}",
            "");

    private static ScenarioDocument base;

    @BeforeAll
    static void parse() {
        base = Scenarios.parse(BASE, "traits");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Trait.class)
    void everyTraitChangesTheRun(Trait t) {
        ScenarioDocument context = base;
        for (String need : t.needs()) {
            String[] kv = need.split(": ", 2);
            context = context.with(kv[0], kv[1]);
        }
        String at = "archetypes[0]." + t.key();
        ScenarioDocument reference = t.required() ? context : context.with(at, number(t.defaultValue()));
        MetricsTable neutral = run(reference);
        MetricsTable probed = run(context.with(at, number(t.probe())));
        assertThat(differences(neutral, probed))
                .as("trait %s at %s (default %s, with %s) changes no metric: is its column read by the engine?", t.key(),
                        number(t.probe()), t.required() ? "the base's" : number(t.defaultValue()), t.needs())
                .isNotEmpty();
    }

    /**
     * What a trait's declaration says it needs is true: without it the probe changes nothing (the tie to a
     * representative matters only when one leaves; price sensitivity only when there is a price to react to).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Trait.class)
    void withoutWhatItNeedsATraitChangesNothing(Trait t) {
        if (t.needs().isEmpty()) {
            return;
        }
        String at = "archetypes[0]." + t.key();
        MetricsTable neutral = run(base.with(at, number(t.defaultValue())));
        MetricsTable probed = run(base.with(at, number(t.probe())));
        assertThat(differences(neutral, probed)).as("trait %s at %s without %s", t.key(), number(t.probe()), t.needs())
                .isEmpty();
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
