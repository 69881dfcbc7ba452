package org.segmentlab.simulator.experiment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.engine.RunBudget;
import org.segmentlab.simulator.population.HeapBudget;
import org.segmentlab.simulator.population.HeapBudgetException;

/** A sweep is sized per point, before anything runs, with its {@code --threads} points sharing the heap. */
class SweepHeapBudgetTest {

    @Test
    void aPointThatGrowsBeyondTheHeapIsRefusedBeforeTheSweepStarts() {
        // One end of the design lets the market reach two billion customers; the other is small.
        Design design = Design.grid(List.of(Factor.parse("market.potential=100000,2000000000")));
        assertThatThrownBy(() -> Sweep.of(Fixtures.sweep10k(), design).threads(1).validate())
                .isInstanceOf(HeapBudgetException.class).hasMessageStartingWith("market.potential: ")
                .hasMessageContaining("at most market.potential=");
    }

    @Test
    void threadsMultiplyWhatAPointNeeds() {
        // One more point than even an empty heap holds at once: a sweep with that many threads must be refused.
        long point = RunBudget.of(Fixtures.sweep10k().scenario()).peakBytes();
        long usable = HeapBudget.current().empty().usableBytes();
        int threads = Math.toIntExact(usable / point + 1);
        Design design = Design.grid(List.of(Factor.parse("market.imitation=0.1,0.3")));
        assertThatCode(() -> Sweep.of(Fixtures.sweep10k(), design).threads(1).validate()).doesNotThrowAnyException();
        assertThatThrownBy(() -> Sweep.of(Fixtures.sweep10k(), design).threads(threads).validate())
                .isInstanceOf(HeapBudgetException.class).hasMessageContaining(threads + " runs at once (--threads)");
    }
}
