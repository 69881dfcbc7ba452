package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.metrics.VariantProfit;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The attribution variants run beside the strategies without touching them: the strategies' results are
 * bit-identical with attribution on or off, one after another (1 thread) or side by side (2 threads).
 */
class AttributionRunTest {

    private static Scenario fourTypes() {
        return Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.initialCustomers", "9000").with("market.potential", "60000")
                .with("months", "12").with("replications", "2").scenario();
    }

    @Test
    void strategiesAreBitIdenticalWithAttributionOnOrOffForAnyThreadCount() {
        Scenario s = fourTypes();
        RunResult plainOne = Simulator.run(s, RunOptions.threads(1));
        RunResult plainTwo = Simulator.run(s, RunOptions.threads(2));
        RunResult attributedOne = Simulator.run(s, RunOptions.threads(1).withAttribution(true));
        RunResult attributedTwo = Simulator.run(s, RunOptions.threads(2).withAttribution(true));
        for (RunResult other : List.of(plainTwo, attributedOne, attributedTwo)) {
            assertThat(other.metrics()).isEqualTo(plainOne.metrics());
            assertThat(other.details()).hasSameSizeAs(plainOne.details());
            for (int i = 0; i < plainOne.details().size(); i++) {
                assertSameDetail(other.details().get(i), plainOne.details().get(i));
            }
        }
        // The variants themselves do not depend on the thread count either.
        assertThat(profits(attributedTwo)).isDeepEqualTo(profits(attributedOne));
        assertThat(attributedOne.attribution().variants()).extracting(VariantProfit::segment)
                .containsExactly("negative", "loyal", "price-sensitive", "fence-sitter");
        assertThat(plainOne.attribution().ran()).isFalse();
    }

    @Test
    void variantsAreNotStrategiesOfTheResult() {
        RunResult r = Simulator.run(fourTypes(), RunOptions.threads(2).withAttribution(true));
        assertThat(r.metrics().strategies()).containsExactly("baseline", "textbook");
        assertThat(r.details()).extracting(RunDetail::strategy).containsOnly("baseline", "textbook").hasSize(4);
    }

    @Test
    void progressCountsTheVariantsAndRisesOneCallAtATime() {
        List<long[]> calls = new ArrayList<>();
        Simulator.run(fourTypes(), RunOptions.threads(2).withAttribution(true)
                .withProgress((done, total) -> calls.add(new long[] {done, total})));
        long total = 2L * (12 + 6 * 12); // replications × (burn-in + 6 runs × 12 months): 2 strategies, 4 variants
        assertThat(calls).allSatisfy(c -> assertThat(c[1]).isEqualTo(total));
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThan(calls.get(i - 1)[0]);
        }
        assertThat(calls.get(calls.size() - 1)[0]).isEqualTo(total);
    }

    @Test
    void sideBySideOnlyWithAtLeastAsManyRunsAsThreads() {
        RunBudget budget = RunBudget.of(fourTypes());
        assertThat(RunSchedule.of(1, 6, budget).sideBySide()).isFalse();
        assertThat(RunSchedule.of(2, 1, budget).sideBySide()).isFalse();
        assertThat(RunSchedule.of(2, 2, budget).sideBySide()).isTrue();
    }

    private static double[][] profits(RunResult r) {
        return r.attribution().variants().stream().map(VariantProfit::profit).toArray(double[][]::new);
    }

    private static void assertSameDetail(RunDetail actual, RunDetail expected) {
        assertThat(actual.strategy()).isEqualTo(expected.strategy());
        assertThat(actual.replication()).isEqualTo(expected.replication());
        assertThat(java.util.Arrays.deepEquals(actual.lorenz(), expected.lorenz())).as("lorenz").isTrue();
        assertThat(java.util.Arrays.deepEquals(actual.transitions(), expected.transitions())).as("transitions").isTrue();
        assertThat(java.util.Arrays.deepEquals(actual.confusion(), expected.confusion())).as("confusion").isTrue();
        assertThat(java.util.Arrays.deepEquals(actual.cohortActive(), expected.cohortActive())).as("cohorts").isTrue();
        assertThat(actual.lifetimeValue()).isEqualTo(expected.lifetimeValue());
        assertThat(actual.channelLifetimeValue()).isEqualTo(expected.channelLifetimeValue());
    }
}
