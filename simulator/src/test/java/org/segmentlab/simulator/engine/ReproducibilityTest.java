package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.model.Chunks;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Event;
import org.segmentlab.simulator.scenario.EventType;

/** A run is a pure function of (scenario, seed): identical for any thread count; replications differ. */
class ReproducibilityTest {

    /**
     * Every mechanism on (a lively market), two replications, two strategies, one of them on a budget, and events: a rep
     * departure, and an outage whose complaints are the next draws of the complaint counts' streams.
     */
    private static ScenarioFixture busy() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.initialCustomers = 9_000; // more than two chunks, not a multiple of the chunk size
        f.months = 10;
        f.replications = 2;
        f.strategy("baseline", Map.of());
        f.strategy("textbook", 4_000, Map.of("loyal", "loyalty-perks", "fence-sitter", "unique-offer",
                "price-sensitive", "price-campaign", "negative", "service-recovery"));
        f.events.add(new Event(EventType.REP_DEPARTURE, 4, 2, 0.3, 4, 1, 0, 0));
        f.events.add(new Event(EventType.SERVICE_OUTAGE, 6, 2, 0.5, 1, 1, -0.1, 0.6));
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

    /**
     * More than two chunks of newcomers in a month: their traits are drawn chunk by chunk on the pool, each chunk from
     * its own stream, so the run is the same for any thread count.
     */
    @Test
    void newcomersInSeveralChunksAreTheSameForAnyThreadCount() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.potential = 300_000;
        f.initialCustomers = 3_000;
        f.innovation = 0.05;
        f.months = 3;
        f.strategy("baseline", Map.of());
        RunResult one = Simulator.run(f.build(), RunOptions.threads(1));
        RunResult three = Simulator.run(f.build(), RunOptions.threads(3));
        assertThat(one.metrics().value("baseline", 0, "acquired_ads", 1)).as("newcomers by advertising in month 1")
                .isGreaterThan(2 * Chunks.POPULATION);
        assertThat(three.metrics()).isEqualTo(one.metrics());
    }

    @Test
    void metricsAreBitIdenticalWithTheScalarAndTheVectorKernels() {
        PoissonKernelTest.vectorKernel();
        String old = System.getProperty(VectorKernels.PROPERTY);
        try {
            System.setProperty(VectorKernels.PROPERTY, "scalar");
            RunResult scalar = Simulator.run(busy().build(), RunOptions.threads(2));
            System.setProperty(VectorKernels.PROPERTY, "vector");
            RunResult vector = Simulator.run(busy().build(), RunOptions.threads(2));
            assertThat(vector.metrics()).isEqualTo(scalar.metrics());
        } finally {
            PoissonKernelTest.restore(old);
        }
    }

    @Test
    void replicationsAndSeedsGiveDifferentRuns() {
        RunResult r = busy().run();
        assertThat(r.metrics().series("baseline", 1, "revenue")).isNotEqualTo(r.metrics().series("baseline", 0, "revenue"));
        ScenarioFixture other = busy();
        other.seed = 8;
        RunResult s = other.run();
        assertThat(s.metrics().series("baseline", 0, "revenue")).isNotEqualTo(r.metrics().series("baseline", 0, "revenue"));
    }

    @Test
    void strategiesShareTheStartingState() {
        RunResult r = busy().run();
        for (String metric : r.metrics().metrics()) {
            assertThat(r.metrics().value("textbook", 0, metric, 0)).as(metric)
                    .isEqualTo(r.metrics().value("baseline", 0, metric, 0));
        }
    }
}
