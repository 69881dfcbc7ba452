package org.segmentlab.simulator.population;

import static org.segmentlab.simulator.engine.WiringCheck.archetype;
import static org.segmentlab.simulator.engine.WiringCheck.assertChanges;
import static org.segmentlab.simulator.engine.WiringCheck.base;
import static org.segmentlab.simulator.engine.WiringCheck.assertChangesNothing;
import static org.segmentlab.simulator.engine.WiringCheck.number;
import static org.segmentlab.simulator.engine.WiringCheck.withNeeds;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Trait;

/**
 * Every declared archetype trait is read by the engine: a small run (3 000 customers, 6 months, fixed seed) with the
 * trait at its default (for a required trait, the base's value) and at its declared probe value (plus the settings its
 * declaration says it needs) must differ in at least one metric. The probe is a constant, which draws nothing, so
 * every other draw stays where it was: only the engine's use of the trait can change a number. A trait that is
 * declared, read, checked, documented and drawn into a column that no stage reads fails here, by name. The base market
 * has every mechanism on: purchases, service, complaints, churn, referrals and acquisition. The check is
 * {@link org.segmentlab.simulator.engine.WiringCheck}'s, shared with the engine's wiring tests.
 */
class DeclaredTraitsWiringTest {

    private static final ScenarioDocument BASE = base("traits",
            "{potential: 30000, initialCustomers: 3000, innovation: 0.01, imitation: 0.3, acquisitionCost: 10}",
            "archetypes:",
            archetype("only", 1, 1, 40, 0.5),
            "strategies:",
            "  - {name: wiring, treatments: {default: none}}");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Trait.class)
    void everyTraitChangesTheRun(Trait t) {
        ScenarioDocument context = withNeeds(BASE, t.needs());
        String at = "archetypes[0]." + t.key();
        ScenarioDocument reference = t.required() ? context : context.with(at, number(t.defaultValue()));
        assertChanges(reference, context.with(at, number(t.probe())),
                "trait %s at %s (default %s, with %s) changes no metric: is its column read by the engine?", t.key(),
                number(t.probe()), t.required() ? "the base's" : number(t.defaultValue()), t.needs());
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
        assertChangesNothing(BASE.with(at, number(t.defaultValue())), BASE.with(at, number(t.probe())),
                "trait %s at %s without %s", t.key(), number(t.probe()), t.needs());
    }
}
