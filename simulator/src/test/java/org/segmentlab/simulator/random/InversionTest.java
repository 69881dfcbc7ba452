package org.segmentlab.simulator.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InversionTest {

    /**
     * Inversion maps [0, 1) onto the counts in stretches as long as their probabilities: over an even grid of u the
     * share of each count is its pmf, to within the grid's step (no sampling, so no false failures).
     */
    @ParameterizedTest
    @CsvSource({"1, 0.3", "3, 0.05", "8, 0.5", "20, 0.1", "12, 0.9"})
    void eachCountTakesAShareOfTheUniformsEqualToItsProbability(int n, double p) {
        int grid = 1_000_000;
        int[] hits = new int[n + 1];
        for (int g = 0; g < grid; g++) {
            hits[Inversion.binomial((g + 0.5) / grid, n, p)]++;
        }
        BinomialDistribution binomial = new BinomialDistribution(null, n, p);
        for (int k = 0; k <= n; k++) {
            assertThat((double) hits[k] / grid).as("P(%d)", k).isCloseTo(binomial.probability(k), within(2.0 / grid));
        }
    }

    /** The last uniform below 1 gives n wherever P(n) is above the doubles' resolution near 1 (1.1e-16). */
    @ParameterizedTest
    @CsvSource({"1, 0.3", "5, 0.01", "4, 0.5"})
    void theEndsOfTheUnitIntervalGiveNoneAndAll(int n, double p) {
        assertThat(Inversion.binomial(0.0, n, p)).isZero();
        assertThat(Inversion.binomial(Math.nextDown(1.0), n, p)).isEqualTo(n);
    }
}
