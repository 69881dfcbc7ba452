package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.simulator.engine.ScenarioFixture.beta;
import static org.segmentlab.simulator.engine.ScenarioFixture.constant;
import static org.segmentlab.simulator.engine.ScenarioFixture.gamma;
import static org.segmentlab.simulator.engine.ScenarioFixture.lognormalMedian;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Event;
import org.segmentlab.simulator.scenario.EventType;

/** A run is a pure function of (scenario, seed): identical for any thread count; replications differ. */
class ReproducibilityTest {

    private static ScenarioFixture busy() {
        ScenarioFixture f = new ScenarioFixture();
        f.potential = 60_000;
        f.initialCustomers = 9_000; // more than two chunks, not a multiple of the chunk size
        f.innovation = 0.003;
        f.imitation = 0.3;
        f.referralLean = 0.5;
        f.satisfactionDrift = 0.1;
        f.complaintImpact = 0.25;
        f.purchaseSensitivity = 1;
        f.churnSensitivity = 2;
        f.discountElasticity = 1.5;
        f.negativeWomChurnEffect = 0.2;
        f.months = 10;
        f.replications = 2;
        f.add(ScenarioFixture.archetype("a", 0.7).purchaseRate(gamma(3, 0.5)).spend(lognormalMedian(40, 0.9)).basketNoise(0.3)
                .churn(beta(1, 30)).priceSensitivity(beta(2, 5)).advocacy(beta(3, 7)).serviceDemand(gamma(1, 0.4))
                .satisfaction(beta(6, 3)).badExperience(constant(0.04)).repAttached(0.4));
        f.add(ScenarioFixture.archetype("b", 0.3).purchaseRate(gamma(1, 0.5)).spend(lognormalMedian(20, 0.5))
                .churn(beta(2, 20)).priceSensitivity(beta(6, 2)).advocacy(beta(1, 9)).satisfaction(beta(3, 3))
                .badExperience(constant(0.08)));
        f.truth.put("a", "loyal");
        f.truth.put("b", "price-sensitive");
        f.strategy("baseline", Map.of());
        f.strategy("textbook", 4_000, Map.of("loyal", "loyalty-perks", "fence-sitter", "unique-offer",
                "price-sensitive", "price-campaign", "negative", "service-recovery"));
        f.events.add(new Event(EventType.REP_DEPARTURE, 4, 2, 0.3, 4, 1, 0, 0));
        return f;
    }

    @Test
    void metricsAreBitIdenticalForOneTwoAndFourThreads() {
        RunResult one = Simulator.run(busy().build(), RunOptions.threads(1));
        RunResult two = Simulator.run(busy().build(), RunOptions.threads(2));
        RunResult four = Simulator.run(busy().build(), RunOptions.threads(4));
        assertThat(two.metrics()).isEqualTo(one.metrics());
        assertThat(four.metrics()).isEqualTo(one.metrics());
        for (int i = 0; i < one.details().size(); i++) {
            assertThat(four.details().get(i).lorenz()).isDeepEqualTo(one.details().get(i).lorenz());
            assertThat(four.details().get(i).transitions()).isDeepEqualTo(one.details().get(i).transitions());
            assertThat(four.details().get(i).lifetimeValue()).containsExactly(one.details().get(i).lifetimeValue());
        }
    }

    @Test
    void replicationsAndSeedsGiveDifferentRuns() {
        RunResult r = Simulator.run(busy().build(), RunOptions.threads(2));
        assertThat(r.metrics().series("baseline", 1, "revenue")).isNotEqualTo(r.metrics().series("baseline", 0, "revenue"));
        ScenarioFixture other = busy();
        other.seed = 8;
        RunResult s = Simulator.run(other.build(), RunOptions.threads(2));
        assertThat(s.metrics().series("baseline", 0, "revenue")).isNotEqualTo(r.metrics().series("baseline", 0, "revenue"));
    }

    @Test
    void strategiesShareTheStartingState() {
        RunResult r = Simulator.run(busy().build(), RunOptions.threads(2));
        for (String metric : r.metrics().metrics()) {
            assertThat(r.metrics().value("textbook", 0, metric, 0)).as(metric)
                    .isEqualTo(r.metrics().value("baseline", 0, metric, 0));
        }
    }
}
