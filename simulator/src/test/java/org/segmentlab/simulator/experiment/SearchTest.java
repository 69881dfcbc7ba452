package org.segmentlab.simulator.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The search on functions whose maximum is known: a refined grid for whole numbers, CMA-ES for continuous values. */
class SearchTest {

    @Test
    void aRefinedGridFindsTheIntegerMaximumWithinTheBudget() {
        // 2 × 1000 × 1000 = 2 000 000 points; the refined grid needs at most 120.
        List<Factor> f = List.of(Factor.parse("a=-1000..1000"), Factor.parse("b=0..999"));
        Search.Best best = Search.maximise(f, v -> -Math.pow(Long.parseLong(v.get(0)) - 137, 2)
                - Math.pow(Long.parseLong(v.get(1)) - 612, 2), 120, 1);
        assertThat(best.values()).containsExactly("137", "612");
        assertThat(best.evaluations()).isLessThanOrEqualTo(120);
    }

    @Test
    void aSmallIntegerRangeIsSearchedWhole() {
        Search.Best best = Search.maximise(List.of(Factor.parse("k=1..20")), v -> -Math.abs(Integer.parseInt(v.get(0)) - 9), 60, 1);
        assertThat(best.values()).containsExactly("9");
        assertThat(best.evaluations()).isEqualTo(20);
    }

    @Test
    void aListIsSearchedLikeIntegers() {
        Search.Best best = Search.maximise(List.of(Factor.parse("t=four-types,dib,circles")), v -> v.get(0).equals("dib") ? 1 : 0, 10, 1);
        assertThat(best.values()).containsExactly("dib");
    }

    /** CMA-ES with a budget of 150 on a smooth 2-d bowl: within 1% of the range of the true maximum. */
    @Test
    void cmaesFindsAContinuousMaximum() {
        List<Factor> f = List.of(Factor.parse("x=0.0..1.0"), Factor.parse("y=-5.0..5.0"));
        Search.Best best = Search.maximise(f, v -> -Math.pow(Double.parseDouble(v.get(0)) - 0.31, 2)
                - Math.pow((Double.parseDouble(v.get(1)) - 2.2) / 10, 2), 150, 7);
        assertThat(Double.parseDouble(best.values().get(0))).isCloseTo(0.31, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(best.values().get(1))).isCloseTo(2.2, org.assertj.core.data.Offset.offset(0.1));
        // Seeded: the same search gives the same answer.
        Search.Best again = Search.maximise(f, v -> -Math.pow(Double.parseDouble(v.get(0)) - 0.31, 2)
                - Math.pow((Double.parseDouble(v.get(1)) - 2.2) / 10, 2), 150, 7);
        assertThat(again.values()).isEqualTo(best.values());
    }

    @Test
    void cmaesWorksInOneDimension() {
        Search.Best best = Search.maximise(List.of(Factor.parse("x=0.0..10.0")), v -> -Math.abs(Double.parseDouble(v.get(0)) - 6.5), 60, 3);
        assertThat(Double.parseDouble(best.values().get(0))).isCloseTo(6.5, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void aContinuousSearchRefusesAList() {
        assertThatThrownBy(() -> Search.maximise(List.of(Factor.parse("x=0.0..1.0"), Factor.parse("t=a,b")), v -> 0, 10, 1))
                .hasMessageContaining("t: a continuous search needs ranges");
    }
}
