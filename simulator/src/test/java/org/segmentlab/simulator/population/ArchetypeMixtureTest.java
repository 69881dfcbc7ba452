package org.segmentlab.simulator.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.random.RandomStreams;
import org.segmentlab.simulator.random.StreamPurpose;

/** The archetype mixture: proportions, reweighting, validation. */
class ArchetypeMixtureTest {

    static UniformRandomProvider rng(long seed) {
        return RandomStreams.of(seed).stream(0, StreamPurpose.ACQUISITION, 0);
    }

    @Test
    void drawsFollowTheWeights() {
        // Chi-square, n = 10^5, alpha = 0.001: false-failure rate 0.001.
        ArchetypeMixture mixture = ArchetypeMixture.of(new double[] {2, 4.5, 2.5, 1});
        assertThat(mixture.probabilities()).containsExactly(0.2, 0.45, 0.25, 0.1);
        int n = 100_000;
        long[] observed = new long[4];
        SharedStateDiscreteSampler sampler = mixture.sampler(rng(1));
        for (int i = 0; i < n; i++) {
            observed[sampler.sample()]++;
        }
        double[] expected = {0.2 * n, 0.45 * n, 0.25 * n, 0.1 * n};
        assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(0.001);
    }

    @Test
    void reweightingMultipliesAndRenormalises() {
        // Deterministic.
        ArchetypeMixture base = ArchetypeMixture.of(new double[] {0.2, 0.45, 0.25, 0.1});
        ArchetypeMixture hunt = base.reweighted(new double[] {1, 1, 0, 5.5});
        assertThat(hunt.size()).isEqualTo(4);
        assertThat(hunt.probability(0)).isCloseTo(0.2 / 1.2, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(hunt.probability(2)).isZero();
        assertThat(hunt.probability(3)).isCloseTo(0.55 / 1.2, org.assertj.core.data.Offset.offset(1e-15));
        SharedStateDiscreteSampler sampler = hunt.sampler(rng(2));
        for (int i = 0; i < 100_000; i++) {
            assertThat(sampler.sample()).isNotEqualTo(2);
        }
    }

    @Test
    void aSingleArchetypeIsAlwaysDrawn() {
        ArchetypeMixture one = ArchetypeMixture.of(new double[] {3});
        UniformRandomProvider rng = rng(3);
        for (int i = 0; i < 1000; i++) {
            assertThat(one.sample(rng)).isZero();
        }
    }

    @Test
    void theSameGeneratorGivesTheSameDraws() {
        ArchetypeMixture mixture = ArchetypeMixture.of(new double[] {1, 2, 3});
        SharedStateDiscreteSampler a = mixture.sampler(rng(4));
        SharedStateDiscreteSampler b = mixture.sampler(rng(4));
        for (int i = 0; i < 1000; i++) {
            assertThat(a.sample()).isEqualTo(b.sample());
        }
    }

    @Test
    void invalidWeightsAreRefused() {
        assertThatThrownBy(() -> ArchetypeMixture.of(new double[0])).hasMessage("a mixture needs 1 to 128 weights, got 0");
        assertThatThrownBy(() -> ArchetypeMixture.of(new double[129])).hasMessage("a mixture needs 1 to 128 weights, got 129");
        assertThatThrownBy(() -> ArchetypeMixture.of(new double[] {1, -1})).hasMessage("weight 1 must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> ArchetypeMixture.of(new double[] {1, Double.NaN})).hasMessageStartingWith("weight 1 must be");
        assertThatThrownBy(() -> ArchetypeMixture.of(new double[] {Double.POSITIVE_INFINITY})).hasMessageStartingWith("weight 0 must");
        assertThatThrownBy(() -> ArchetypeMixture.of(new double[] {0, 0})).hasMessageStartingWith("weights must have a positive");
        ArchetypeMixture m = ArchetypeMixture.of(new double[] {1, 1});
        assertThatThrownBy(() -> m.reweighted(new double[] {1})).hasMessage("need one multiplier per archetype (2), got 1");
        assertThatThrownBy(() -> m.reweighted(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.reweighted(new double[] {1, -2})).hasMessage("multiplier 1 must be finite and >= 0, got -2.0");
    }
}
