package org.segmentlab.simulator.population;

import java.util.List;
import java.util.Map;

import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.simulator.scenario.Archetype;
import org.segmentlab.simulator.scenario.Behaviour;
import org.segmentlab.simulator.scenario.Distribution;
import org.segmentlab.simulator.scenario.Distribution.Beta;
import org.segmentlab.simulator.scenario.Distribution.Constant;
import org.segmentlab.simulator.scenario.Distribution.Gamma;
import org.segmentlab.simulator.scenario.Distribution.LogNormal;
import org.segmentlab.simulator.scenario.Economics;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Scenario;

/** Scenarios built in code for the population tests (the records are the contract; no YAML here). */
final class TestScenarios {
    static final double INF = Double.POSITIVE_INFINITY;

    private TestScenarios() {
    }

    /** The four types, with every distribution kind appearing in some trait. */
    static List<Archetype> fourTypes() {
        return List.of(
                new Archetype("loyal", 0.2,
                        new Gamma(4, 0.5), new LogNormal(Math.log(60), 0.8), 0.3, new Beta(1, 60), new Beta(1, 9),
                        new Beta(3, 7), new Gamma(1, 0.2), new Beta(8, 2), new Constant(0.01), 0.3),
                new Archetype("fence-sitter", 0.45,
                        new Gamma(1.5, 0.6), new LogNormal(Math.log(40), 0.6), 0.3, new Beta(1.5, 30), new Beta(2, 5),
                        new Beta(1.5, 8.5), new Gamma(1, 0.3), new Distribution.Normal(0.6, 0.15, 0, 1),
                        new Beta(1, 49), 0.15),
                new Archetype("price-sensitive", 0.25,
                        new Gamma(2, 0.4), new LogNormal(Math.log(30), 0.5), 0.4, new Beta(2, 25), new Beta(8, 2),
                        new Beta(1, 9), new Distribution.Exponential(0.25), new Distribution.Uniform(0.3, 0.8),
                        new Beta(1, 30), 0.05),
                new Archetype("negative", 0.1,
                        new Gamma(0.8, 0.5), new Distribution.Empirical(List.of(20.0, 35.0, 50.0, 80.0), List.of()), 0.3,
                        new Beta(3, 20), new Beta(3, 5), new Constant(0), new Distribution.Poisson(1.5), new Beta(2, 6),
                        new Distribution.Categorical(List.of(0.05, 0.2), List.of(0.7, 0.3)), 0.1));
    }

    static Scenario scenario(int initialCustomers) {
        return scenario(initialCustomers, fourTypes());
    }

    static Scenario scenario(int initialCustomers, List<Archetype> archetypes) {
        return new Scenario("test", "population tests", 42, 36, 1,
                new Market(200_000, initialCustomers, 0.01, 0.3, 2, 25, 0.5),
                new Economics("EUR", 0.4, 12, 0.01),
                Behaviour.DEFAULT,
                archetypes, BuiltInTaxonomies.fourTypes(), Map.of(), Map.of(), List.of(), List.of());
    }
}
