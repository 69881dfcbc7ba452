package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * Strategies whose plans change during a run (a tournament's "continue" rounds): the months before a change are the
 * plain run's months, bit for bit, and a change to the same plan changes nothing.
 */
class PhasedRunTest {

    private static final Strategy TEXTBOOK = new Strategy("textbook", OptionalDouble.of(7_500), Map.of(
            "loyal", "loyalty-perks", "fence-sitter", "unique-offer", "price-sensitive", "price-campaign",
            "negative", "service-recovery"));
    private static final Strategy BLANKET = new Strategy("any", OptionalDouble.of(7_500), Map.of("default", "loyalty-perks"));

    /** Four types at 3,000 customers, two replications, {@code months} months. */
    private static Scenario fourTypes(int months) {
        ScenarioDocument doc = Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.initialCustomers", "3000").with("market.potential", "30000")
                .with("replications", "2").with("months", Integer.toString(months))
                .with("strategies[1].budget", "7500").with("events[0].month", "2");
        return doc.scenario();
    }

    @Test
    void aPhaseThatRepeatsThePlanIsBitIdenticalToThePlainRun() {
        Scenario s = fourTypes(10);
        RunResult plain = Simulator.run(s, RunOptions.threads(1));
        RunResult phased = Simulator.run(s, List.of(new StrategyPhase("textbook", 6, TEXTBOOK),
                new StrategyPhase("baseline", 4, Strategy.of("x", Map.of("default", "none")))), RunOptions.threads(1));
        assertThat(phased.metrics()).isEqualTo(plain.metrics());
    }

    @Test
    void theMonthsBeforeAChangeAreTheShorterRunsMonthsAndTheChangeTakesEffect() {
        int first = 5;
        RunResult round1 = Simulator.run(fourTypes(first), RunOptions.threads(1));
        RunResult continued = Simulator.run(fourTypes(first + 6),
                List.of(new StrategyPhase("textbook", first + 1, BLANKET)), RunOptions.threads(2));
        MetricsTable a = round1.metrics();
        MetricsTable b = continued.metrics();
        for (String strategy : a.strategies()) {
            for (int r = 0; r < a.replications(); r++) {
                for (String metric : a.metrics()) {
                    double[] shorter = a.series(strategy, r, metric);
                    double[] longer = b.series(strategy, r, metric);
                    for (int t = 0; t <= first; t++) {
                        assertThat(longer[t]).as("%s rep %d %s month %d", strategy, r, metric, t).isEqualTo(shorter[t]);
                    }
                }
            }
        }
        // After the change the textbook market runs the blanket plan: another cost, another profit.
        RunResult unchanged = Simulator.run(fourTypes(first + 6), RunOptions.threads(1));
        double[] changedCost = b.series("textbook", 0, "treatment_cost");
        double[] plainCost = unchanged.metrics().series("textbook", 0, "treatment_cost");
        assertThat(changedCost[first + 1]).isNotEqualTo(plainCost[first + 1]);
        assertThat(b.series("baseline", 0, "profit")).containsExactly(unchanged.metrics().series("baseline", 0, "profit"));
    }

    /** A run whose strategies have no budget until a later phase brings one: the walk has last month's value order. */
    @Test
    void aBudgetOnlyALaterPhaseBringsHoldsFromItsFirstMonth() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.initialCustomers = 3_000;
        f.months = 8;
        f.strategy("baseline", Map.of());
        f.strategy("textbook", TEXTBOOK.treatments());
        Scenario s = f.build();
        assertThat(s.strategies()).allMatch(strategy -> strategy.budget().isEmpty());
        Strategy tight = new Strategy("tight", OptionalDouble.of(1_000), TEXTBOOK.treatments());
        for (int threads : new int[] {1, 2}) {
            double[] cost = Simulator.run(s, List.of(new StrategyPhase("textbook", 5, tight)), RunOptions.threads(threads))
                    .metrics().series("textbook", 0, "treatment_cost");
            assertThat(cost[4]).as("before the phase, unbudgeted").isGreaterThan(1_000);
            for (int t = 5; t < cost.length; t++) {
                assertThat(cost[t]).as("month %d, %d threads", t, threads).isPositive().isLessThanOrEqualTo(1_000);
            }
        }
    }

    @Test
    void phasedRunsAreBitIdenticalForOneAndTwoThreads() {
        Scenario s = fourTypes(8);
        List<StrategyPhase> phases = List.of(new StrategyPhase("textbook", 3, BLANKET), new StrategyPhase("textbook", 6, TEXTBOOK));
        assertThat(Simulator.run(s, phases, RunOptions.threads(2)).metrics())
                .isEqualTo(Simulator.run(s, phases, RunOptions.threads(1)).metrics());
    }

    @Test
    void aPhaseOfAnUnknownStrategyOrOutOfOrderIsRefused() {
        Scenario s = fourTypes(4);
        assertThatThrownBy(() -> Simulator.run(s, List.of(new StrategyPhase("nobody", 2, TEXTBOOK)), RunOptions.threads(1)))
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> Simulator.run(s, List.of(new StrategyPhase("textbook", 3, TEXTBOOK),
                new StrategyPhase("textbook", 2, TEXTBOOK)), RunOptions.threads(1))).hasMessageContaining("increasing");
    }
}
