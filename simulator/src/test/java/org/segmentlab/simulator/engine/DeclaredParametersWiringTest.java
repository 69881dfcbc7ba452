package org.segmentlab.simulator.engine;

import static org.segmentlab.simulator.engine.WiringCheck.archetype;
import static org.segmentlab.simulator.engine.WiringCheck.assertChanges;
import static org.segmentlab.simulator.engine.WiringCheck.base;
import static org.segmentlab.simulator.engine.WiringCheck.assertChangesNothing;
import static org.segmentlab.simulator.engine.WiringCheck.number;
import static org.segmentlab.simulator.engine.WiringCheck.withNeeds;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.scenario.EventParameter;
import org.segmentlab.simulator.scenario.EventType;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * Every declared treatment parameter and every event type with every event effect is wired into the engine: a small
 * run (3 000 customers, 6 months, fixed seed) with the value at its neutral value and at its declared probe value
 * (plus the settings its declaration says it needs) must differ in at least one metric. A parameter that is accepted,
 * validated and documented but read nowhere fails here, by name. The context comes only from the declarations: the
 * base market below has every mechanism on (purchases, service, complaints, churn, acquisition, a truth mapping; no one
 * attached to a sales representative, which is what a rep departure declares it needs) and
 * gives the probed treatment to one segment of two, so a leak or a termination has somewhere to act. The check is
 * {@link WiringCheck}'s, shared with the market, behaviour and trait wiring tests.
 */
class DeclaredParametersWiringTest {

    private static final ScenarioDocument BASE = base("wiring",
            "{potential: 30000, initialCustomers: 3000, innovation: 0.01, imitation: 0.3, acquisitionCost: 10}",
            "archetypes:",
            archetype("big", 0.5, 2, 80, 0.6),
            archetype("small", 0.5, 1, 20, 0.6),
            "taxonomy:",
            "  segments:",
            "    - {name: probed, when: [{monetary: {min: 800}}]}",
            "    - {name: rest}",
            "truth: {big: probed, small: rest}",
            "treatments:",
            "  probe: {base: none}",
            "strategies:",
            "  - {name: wiring, treatments: {probed: probe, default: none}}");

    @ParameterizedTest(name = "{0}")
    @EnumSource(TreatmentParameter.class)
    void everyTreatmentParameterChangesTheRun(TreatmentParameter p) {
        // A need without a dot is another parameter of the probed treatment.
        ScenarioDocument context = withNeeds(BASE, p.needs(),
                key -> key.contains(".") || key.contains("[") ? key : "treatments.probe." + key);
        String at = "treatments.probe." + p.key();
        assertChanges(context.with(at, yaml(p.neutral(), p.isFlag())), context.with(at, yaml(p.probe(), p.isFlag())),
                "treatment parameter %s at %s (neutral %s, with %s) changes no metric: is it read by the engine?",
                p.key(), yaml(p.probe(), p.isFlag()), yaml(p.neutral(), p.isFlag()), p.needs());
    }

    static Stream<Arguments> eventTypesAndEffects() {
        List<Arguments> all = new ArrayList<>();
        for (EventType type : EventType.values()) {
            for (EventParameter effect : EventParameter.effects()) {
                all.add(Arguments.of(type, effect));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("eventTypesAndEffects")
    void everyEventTypeWithEveryEffectChangesTheRun(EventType type, EventParameter effect) {
        ScenarioDocument context = withNeeds(BASE, type.needs());
        assertChanges(context.with("events", event(type, effect, effect.defaultValue())),
                context.with("events", event(type, effect, effect.probe())),
                "event %s with %s at %s (neutral %s) changes no metric: is it read by the engine?", type.key(),
                effect.key(), number(effect.probe()), number(effect.defaultValue()));
    }

    /**
     * Whom an event can touch is its type's declaration: without what the type needs (customers attached to a
     * representative, for a rep departure) a type limited to them touches nobody, and the others still touch everyone.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void whomAnEventTouchesIsItsTypesDeclaration(EventType type) {
        EventParameter effect = EventParameter.CHURN_MULTIPLIER;
        ScenarioDocument neutral = BASE.with("events", event(type, effect, effect.defaultValue()));
        ScenarioDocument probed = BASE.with("events", event(type, effect, effect.probe()));
        if (type.repAttachedOnly()) {
            assertChangesNothing(neutral, probed, "%s touches only customers attached to a representative, and there are "
                    + "none", type.key());
        } else {
            assertChanges(neutral, probed, "%s touches all active customers", type.key());
        }
    }

    private static String event(EventType type, EventParameter effect, double value) {
        return "[{type: " + type.key() + ", month: 2, duration: 4, share: 1, " + effect.key() + ": "
                + number(value) + "}]";
    }

    private static String yaml(double value, boolean flag) {
        return flag ? Boolean.toString(value != 0) : number(value);
    }
}
