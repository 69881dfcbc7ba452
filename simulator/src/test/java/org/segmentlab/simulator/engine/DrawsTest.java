package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * {@link Draws}' samplers against their exact distributions (Commons Math): a chi-square goodness of fit, the mean
 * and the variance, for small and large parameters on both sides of every switch of algorithm. Each case draws one
 * value per customer position, as the engine does, from a fixed key: the tests are deterministic. Each check would
 * fail a correct sampler under an arbitrary key with probability {@value #ALPHA} (the chi-square p-value; the mean
 * and variance by their normal approximation), so about 10^-4 for the whole class.
 */
class DrawsTest {

    /** The false-failure rate of one check. */
    private static final double ALPHA = 1e-6;
    /** The two-sided normal quantile of {@link #ALPHA}, about 4.89. */
    private static final double Z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - ALPHA / 2);
    /** Draws per case: a mean off by more than Z/√N ≈ 0.011 standard deviations fails; all cases take about 1 s. */
    private static final int N = 200_000;
    /** Chi-square cells are pooled until each expects at least this many draws, so the chi-square law holds. */
    private static final double MIN_EXPECTED = 10;
    private static final long KEY = CustomerRandom.monthKey(20240601L, 0, 3);

    @ParameterizedTest(name = "mean {0}")
    @ValueSource(doubles = {1e-4, 0.05, 0.5, 3, 9.99, 10, 25, 200, 5_000})
    void poissonFollowsItsDistribution(double mean) {
        // Below 10: inversion; from 10: PTRS rejection. Both sides of the switch are cases.
        int[] draws = sample(rng -> Draws.poisson(rng, mean));
        double centralFourthMoment = mean * (1 + 3 * mean);
        assertFits("Poisson(" + mean + ")", new PoissonDistribution(null, mean, 1e-12, 10_000_000), draws,
                centralFourthMoment);
    }

    @ParameterizedTest(name = "n {0}, p {1}")
    @CsvSource({"1, 0.3", "5, 0.5", "12, 0.02", "40, 0.9", "20, 1e-4", "3, 0.999"})
    void binomialSmallFollowsItsDistribution(int n, double p) {
        int[] draws = sample(rng -> Draws.binomialSmall(rng, n, p));
        double q = 1 - p;
        double centralFourthMoment = n * p * q * (1 + 3 * (n - 2) * p * q);
        assertFits("Binomial(" + n + ", " + p + ")", new BinomialDistribution(null, n, p), draws, centralFourthMoment);
    }

    @Test
    void edgeCasesAreExact() {
        CustomerRandom rng = new CustomerRandom();
        for (int i = 0; i < 1_000; i++) {
            rng.reset(KEY, i, Purpose.PURCHASES);
            assertThat(Draws.poisson(rng, 0)).as("Poisson with mean 0").isZero();
            assertThat(Draws.poisson(rng, -2)).as("Poisson with a negative mean").isZero();
            assertThat(Draws.binomialSmall(rng, 0, 0.5)).as("no trials").isZero();
            assertThat(Draws.binomialSmall(rng, 7, 0)).as("p = 0").isZero();
            assertThat(Draws.binomialSmall(rng, 7, -0.1)).as("p < 0").isZero();
            assertThat(Draws.binomialSmall(rng, 7, 1)).as("p = 1").isEqualTo(7);
            assertThat(Draws.binomialSmall(rng, 7, 1.5)).as("p > 1").isEqualTo(7);
        }
    }

    /** A mean no count can be drawn for is refused with its value (it used to loop for ever in PTRS). */
    @ParameterizedTest
    @Timeout(10) // a regression would hang, not fail
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, 0x1p30 * 1.5, Double.MAX_VALUE})
    void poissonRefusesAMeanWithNoCount(double mean) {
        CustomerRandom rng = new CustomerRandom().reset(KEY, 0, Purpose.PURCHASES);
        assertThatThrownBy(() -> Draws.poisson(rng, mean))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Double.toString(mean));
    }

    @Test
    void negativeInfinityDrawsZeroAndTheLargestMeanIsDrawn() {
        CustomerRandom rng = new CustomerRandom().reset(KEY, 0, Purpose.PURCHASES);
        assertThat(Draws.poisson(rng, Double.NEGATIVE_INFINITY)).isZero();
        // At 2^30 the count is within a few standard deviations (2^15) of the mean and fits an int.
        int k = Draws.poisson(rng, Draws.MAX_POISSON_MEAN);
        assertThat((double) k).isBetween(Draws.MAX_POISSON_MEAN - 8 * 0x1p15, Draws.MAX_POISSON_MEAN + 8 * 0x1p15);
    }

    @Test
    void aVanishingMeanDrawsZero() {
        // P(any of N draws > 0) ≈ N · 1e-12 = 2·10^-7, below ALPHA.
        assertThat(sample(rng -> Draws.poisson(rng, 1e-12))).containsOnly(0);
        assertThat(sample(rng -> Draws.binomialSmall(rng, 10, 1e-13))).containsOnly(0);
    }

    /** One draw per customer position 0 … N−1 of one month, as the engine positions its cursor. */
    private static int[] sample(ToIntFunction<CustomerRandom> draw) {
        CustomerRandom rng = new CustomerRandom();
        int[] out = new int[N];
        for (int i = 0; i < N; i++) {
            out[i] = draw.applyAsInt(rng.reset(KEY, i, Purpose.PURCHASES));
        }
        return out;
    }

    private static void assertFits(String what, IntegerDistribution d, int[] draws, double centralFourthMoment) {
        int max = 0;
        double sum = 0;
        for (int x : draws) {
            assertThat(x).as("%s: a draw within the support", what)
                    .isBetween(d.getSupportLowerBound(), d.getSupportUpperBound());
            max = Math.max(max, x);
            sum += x;
        }
        long[] counts = new long[max + 1];
        for (int x : draws) {
            counts[x]++;
        }
        double pValue = chiSquarePValue(d, counts);
        assertThat(pValue).as("%s: chi-square p-value of %d draws", what, N).isGreaterThan(ALPHA);

        double mean = sum / N;
        double squares = 0;
        for (int x : draws) {
            squares += (x - mean) * (x - mean);
        }
        double variance = squares / (N - 1);
        double mu = d.getNumericalMean();
        double sigma2 = d.getNumericalVariance();
        assertThat(mean).as("%s: sample mean", what).isBetween(mu - Z * Math.sqrt(sigma2 / N), mu + Z * Math.sqrt(sigma2 / N));
        double varianceSe = Math.sqrt((centralFourthMoment - sigma2 * sigma2) / N);
        assertThat(variance).as("%s: sample variance", what).isBetween(sigma2 - Z * varianceSe, sigma2 + Z * varianceSe);
    }

    /**
     * Cells of consecutive values, each expecting at least {@link #MIN_EXPECTED} draws: the first takes the lower tail,
     * the last the whole upper tail (values never drawn included).
     */
    private static double chiSquarePValue(IntegerDistribution d, long[] counts) {
        List<Double> expected = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        double cellP = 0;
        long cellObserved = 0;
        double closedP = 0;
        long closedObserved = 0;
        for (int k = d.getSupportLowerBound(); ; k++) {
            cellP += d.probability(k);
            cellObserved += k < counts.length ? counts[k] : 0;
            if (N * (1 - d.cumulativeProbability(k)) < MIN_EXPECTED) {
                break; // what is above k is too rare for a cell of its own: it joins the last one
            }
            if (N * cellP >= MIN_EXPECTED) {
                expected.add(N * cellP);
                observed.add(cellObserved);
                closedP += cellP;
                closedObserved += cellObserved;
                cellP = 0;
                cellObserved = 0;
            }
        }
        // Every cell was closed with at least MIN_EXPECTED still above it: the last cell expects that much too.
        expected.add(N * (1 - closedP));
        observed.add(N - closedObserved);
        assertThat(expected).as("a chi-square test needs two cells").hasSizeGreaterThan(1);
        return new ChiSquareTest().chiSquareTest(expected.stream().mapToDouble(Double::doubleValue).toArray(),
                observed.stream().mapToLong(Long::longValue).toArray());
    }
}
