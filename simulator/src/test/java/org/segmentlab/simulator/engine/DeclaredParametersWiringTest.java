package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.EventParameter;
import org.segmentlab.simulator.scenario.EventType;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * Every declared treatment parameter and every event type with every event effect is wired into the engine: a small
 * run (3 000 customers, 6 months, fixed seed) with the value at its neutral value and at its declared probe value
 * (plus the settings its declaration says it needs) must differ in at least one metric. A parameter that is accepted,
 * validated and documented but read nowhere fails here, by name. The context comes only from the declarations: the
 * base market below has every mechanism on (purchases, service, complaints, churn, acquisition, a truth mapping; no one
 * attached to a sales representative, which is what a rep departure declares it needs) and
 * gives the probed treatment to one segment of two, so a leak or a termination has somewhere to act.
 */
class DeclaredParametersWiringTest {

    private static final String BASE = String.join("\n",
            "name: wiring",
            "seed: 11",
            "months: 6",
            "market: {potential: 30000, initialCustomers: 3000, innovation: 0.01, imitation: 0.3, acquisitionCost: 10}",
            "archetypes:",
            "  - {name: big, share: 0.5, purchaseRate: 2, spend: {dist: lognormal, median: 80, sigma: 0.5}, churn: 0.05,",
            "     priceSensitivity: 0.6, advocacy: 0.3, serviceDemand: 1, satisfaction: {dist: beta, alpha: 5, beta: 3},",
            "     badExperience: 0.1}",
            "  - {name: small, share: 0.5, purchaseRate: 1, spend: {dist: lognormal, median: 20, sigma: 0.5}, churn: 0.05,",
            "     priceSensitivity: 0.6, advocacy: 0.3, serviceDemand: 1, satisfaction: {dist: beta, alpha: 5, beta: 3},",
            "     badExperience: 0.1}",
            "taxonomy:",
            "  segments:",
            "    - {name: probed, when: [{monetary: {min: 800}}]}",
            "    - {name: rest}",
            "truth: {big: probed, small: rest}",
            "treatments:",
            "  probe: {base: none}",
            "strategies:",
            "  - {name: wiring, treatments: {probed: probe, default: none}}",
            "");

    private static ScenarioDocument base;

    @BeforeAll
    static void parse() {
        base = Scenarios.parse(BASE, "wiring");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TreatmentParameter.class)
    void everyTreatmentParameterChangesTheRun(TreatmentParameter p) {
        ScenarioDocument context = withNeeds(base, p.needs());
        String at = "treatments.probe." + p.key();
        MetricsTable neutral = run(context.with(at, yaml(p.neutral(), p.isFlag())));
        MetricsTable probed = run(context.with(at, yaml(p.probe(), p.isFlag())));
        assertThat(differences(neutral, probed))
                .as("treatment parameter %s at %s (neutral %s, with %s) changes no metric: is it read by the engine?",
                        p.key(), yaml(p.probe(), p.isFlag()), yaml(p.neutral(), p.isFlag()), p.needs())
                .isNotEmpty();
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
        ScenarioDocument context = withNeeds(base, type.needs());
        MetricsTable neutral = run(context.with("events", event(type, effect, effect.defaultValue())));
        MetricsTable probed = run(context.with("events", event(type, effect, effect.probe())));
        assertThat(differences(neutral, probed))
                .as("event %s with %s at %s (neutral %s) changes no metric: is it read by the engine?", type.key(),
                        effect.key(), number(effect.probe()), number(effect.defaultValue()))
                .isNotEmpty();
    }

    /**
     * Whom an event can touch is its type's declaration: without what the type needs (customers attached to a
     * representative, for a rep departure) a type limited to them touches nobody, and the others still touch everyone.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void whomAnEventTouchesIsItsTypesDeclaration(EventType type) {
        EventParameter effect = EventParameter.CHURN_MULTIPLIER;
        MetricsTable neutral = run(base.with("events", event(type, effect, effect.defaultValue())));
        MetricsTable probed = run(base.with("events", event(type, effect, effect.probe())));
        if (type.repAttachedOnly()) {
            assertThat(differences(neutral, probed)).as("%s touches only customers attached to a representative, and "
                    + "there are none", type.key()).isEmpty();
        } else {
            assertThat(differences(neutral, probed)).as("%s touches all active customers", type.key()).isNotEmpty();
        }
    }

    /**
     * The base with the settings a declaration says it needs, each {@code "path: value"}: a path without a dot is
     * another parameter of the probed treatment.
     */
    private static ScenarioDocument withNeeds(ScenarioDocument doc, List<String> needs) {
        ScenarioDocument context = doc;
        for (String need : needs) {
            String[] kv = need.split(": ", 2);
            String path = kv[0].contains(".") || kv[0].contains("[") ? kv[0] : "treatments.probe." + kv[0];
            context = context.with(path, kv[1]);
        }
        return context;
    }

    private static String event(EventType type, EventParameter effect, double value) {
        return "[{type: " + type.key() + ", month: 2, duration: 4, share: 1, " + effect.key() + ": "
                + number(value) + "}]";
    }

    private static String yaml(double value, boolean flag) {
        return flag ? Boolean.toString(value != 0) : number(value);
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
            if (!java.util.Arrays.equals(a.series("wiring", 0, metric), b.series("wiring", 0, metric))) {
                differ.add(metric);
            }
        }
        return differ;
    }
}
