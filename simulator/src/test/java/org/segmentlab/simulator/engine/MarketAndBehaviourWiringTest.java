package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.simulator.engine.WiringCheck.archetype;
import static org.segmentlab.simulator.engine.WiringCheck.assertChanges;
import static org.segmentlab.simulator.engine.WiringCheck.base;
import static org.segmentlab.simulator.engine.WiringCheck.number;
import static org.segmentlab.simulator.engine.WiringCheck.withNeeds;

import java.util.function.ToDoubleFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.segmentlab.simulator.scenario.BehaviourParameter;
import org.segmentlab.simulator.scenario.DeclaredValue;
import org.segmentlab.simulator.scenario.EconomicsParameter;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.MarketParameter;
import org.segmentlab.simulator.scenario.ObservationParameter;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * Every declared market value ({@link MarketParameter}), behaviour value ({@link BehaviourParameter}),
 * observation value ({@link ObservationParameter}) and economics value ({@link EconomicsParameter}) is wired into the
 * engine: a small run (3 000 customers, 6 months, fixed seed) with the value at its default (a required one: the
 * base's) and at its declared probe value, plus the settings its declaration says it needs, must differ in at least
 * one metric (or, for the discount rate, in the lifetime values). A value that is accepted, validated
 * and documented but read nowhere fails here, by name. The base has only the two required market values, no
 * promotions and no treatment, so each need is the declaration's to state; its customers buy, ask for service,
 * complain, refer and churn. The check is {@link WiringCheck}'s.
 */
class MarketAndBehaviourWiringTest {

    private static final ScenarioDocument BASE = base("wiring",
            "{potential: 30000, initialCustomers: 3000}",
            "archetypes:",
            archetype("loyal", 0.5, 2, 80, 0.6),
            archetype("hunter", 0.5, 1, 20, 0.6),
            "strategies:",
            "  - {name: wiring, treatments: {default: none}}");

    @ParameterizedTest(name = "{0}")
    @EnumSource(MarketParameter.class)
    void everyMarketValueChangesTheRun(MarketParameter p) {
        ScenarioDocument context = withNeeds(BASE, p.needs());
        Market market = context.scenario().market();
        double unchanged = p.required() ? market.get(p) : p.defaultValue(market::get);
        assertThat(p.probe()).as("%s's probe differs from its default", p.path()).isNotEqualTo(unchanged);
        assertChanges(context.with(p.path(), number(unchanged)), context.with(p.path(), number(p.probe())),
                "market value %s at %s (default %s, with %s) changes no metric: is it read by the engine?",
                p.path(), number(p.probe()), number(unchanged), p.needs());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BehaviourParameter.class)
    void everyBehaviourValueChangesTheRun(BehaviourParameter p) {
        defaultToProbeChangesTheRun("behaviour", p.path(), p, s -> s.behaviour().get(p));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ObservationParameter.class)
    void everyObservationValueChangesTheRun(ObservationParameter p) {
        defaultToProbeChangesTheRun("observation", p.path(), p, s -> s.observation().get(p));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EconomicsParameter.class)
    void everyEconomicsValueChangesTheRun(EconomicsParameter p) {
        defaultToProbeChangesTheRun("economics", p.path(), p, s -> s.economics().get(p));
    }

    /** From its default (the base's value: checked) to its probe, with what it needs, the value changes some metric. */
    private static void defaultToProbeChangesTheRun(String section, String path, DeclaredValue p, ToDoubleFunction<Scenario> value) {
        ScenarioDocument context = withNeeds(BASE, p.needs());
        assertThat(value.applyAsDouble(context.scenario())).as("%s is at its default in the base", path).isEqualTo(p.defaultValue());
        assertChanges(context.with(path, number(p.defaultValue())), context.with(path, number(p.probe())),
                "%s value %s at %s (default %s, with %s) changes no metric: is it read by the engine?",
                section, path, number(p.probe()), number(p.defaultValue()), p.needs());
    }
}
