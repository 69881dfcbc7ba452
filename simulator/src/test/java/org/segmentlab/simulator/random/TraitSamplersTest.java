package org.segmentlab.simulator.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.simulator.scenario.Distribution;

/**
 * Every distribution kind is sampled correctly (goodness of fit), degenerate parameters give constants, invalid ones
 * are refused, and every sampler meets the rebinding contract. Goodness-of-fit tests use alpha = 0.001: each case
 * fails for a correct sampler with probability 0.001 under an arbitrary seed (the seeds here are fixed, so a passing
 * case passes every time).
 */
class TraitSamplersTest {
    private static final double ALPHA = 0.001;
    private static final int N = 50_000;
    private static final double INF = Double.POSITIVE_INFINITY;

    static UniformRandomProvider rng(long seed) {
        return RandomStreams.of(seed).stream(0, StreamPurpose.INITIAL_POPULATION, 0);
    }

    static double[] draw(TraitSampler sampler, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sampler.sample();
        }
        return x;
    }

    static Stream<Arguments> continuous() {
        return Stream.of(
                Arguments.of(new Distribution.Uniform(2, 5), new UniformRealDistribution(2, 5)),
                Arguments.of(new Distribution.Normal(10, 3, -INF, INF), new NormalDistribution(10, 3)),
                Arguments.of(new Distribution.LogNormal(1, 0.5), new LogNormalDistribution(1, 0.5)),
                // The median form of the scenario file: {dist: lognormal, median: 60, sigma: 0.8} is mu = ln 60.
                Arguments.of(new Distribution.LogNormal(Math.log(60), 0.8), new LogNormalDistribution(Math.log(60), 0.8)),
                Arguments.of(new Distribution.Gamma(0.5, 2), new GammaDistribution(0.5, 2)),   // boosted
                Arguments.of(new Distribution.Gamma(0.1, 3), new GammaDistribution(0.1, 3)),   // boosted, tiny shape
                Arguments.of(new Distribution.Gamma(1, 0.2), new GammaDistribution(1, 0.2)),   // Marsaglia–Tsang
                Arguments.of(new Distribution.Gamma(4, 0.5), new GammaDistribution(4, 0.5)),   // Marsaglia–Tsang
                Arguments.of(new Distribution.Beta(1, 60), new BetaDistribution(1, 60)),       // gamma ratio
                Arguments.of(new Distribution.Beta(1, 1), new BetaDistribution(1, 1)),         // gamma ratio
                Arguments.of(new Distribution.Beta(8, 2), new BetaDistribution(8, 2)),         // gamma ratio
                Arguments.of(new Distribution.Beta(3, 7), new BetaDistribution(3, 7)),         // gamma ratio
                Arguments.of(new Distribution.Beta(0.5, 0.5), new BetaDistribution(0.5, 0.5)), // Cheng BC
                Arguments.of(new Distribution.Beta(0.3, 4), new BetaDistribution(0.3, 4)),     // Cheng BC
                Arguments.of(new Distribution.Beta(2, 0.7), new BetaDistribution(2, 0.7)),     // Cheng BC
                Arguments.of(new Distribution.Exponential(2.5), new ExponentialDistribution(2.5)));
    }

    /** Kolmogorov–Smirnov, n = 50 000, alpha = 0.001: false-failure rate 0.001 per case. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("continuous")
    void continuousSamplesFollowTheirDistribution(Distribution d, RealDistribution reference) {
        double[] x = draw(TraitSamplers.of(d).withRng(rng(1)), N);
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(reference, x);
        assertThat(p).as("KS p-value").isGreaterThan(ALPHA);
    }

    static Stream<Arguments> truncatedNormals() {
        return Stream.of(
                Arguments.of(new Distribution.Normal(0.5, 0.2, 0, 1), TruncatedNormalSampler.Mode.GAUSSIAN),
                Arguments.of(new Distribution.Normal(0, 1, 0, INF), TruncatedNormalSampler.Mode.GAUSSIAN),
                Arguments.of(new Distribution.Normal(0, 1, -0.2, 0.3), TruncatedNormalSampler.Mode.UNIFORM),
                Arguments.of(new Distribution.Normal(0, 1, 3, 3.2), TruncatedNormalSampler.Mode.UNIFORM),
                Arguments.of(new Distribution.Normal(0, 1, -3.1, -3), TruncatedNormalSampler.Mode.UNIFORM),
                Arguments.of(new Distribution.Normal(10, 2, 20, INF), TruncatedNormalSampler.Mode.EXPONENTIAL),
                Arguments.of(new Distribution.Normal(0, 1, -INF, -4), TruncatedNormalSampler.Mode.EXPONENTIAL),
                Arguments.of(new Distribution.Normal(0, 1, 2, 5), TruncatedNormalSampler.Mode.EXPONENTIAL),
                Arguments.of(new Distribution.Normal(100, 15, 0, 60), TruncatedNormalSampler.Mode.EXPONENTIAL),
                // Mass ≈ 5·10^-198: naive rejection would never finish, Commons Math's inverse CDF returns infinity.
                Arguments.of(new Distribution.Normal(0, 1, 30, INF), TruncatedNormalSampler.Mode.EXPONENTIAL));
    }

    /**
     * Truncated normals in every proposal mode, including windows of negligible mass: KS of the probability integral
     * transform F(x) against U(0, 1), n = 50 000, alpha = 0.001 (false-failure rate 0.001 per case); every sample
     * lies in the window.
     */
    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("truncatedNormals")
    void truncatedNormalSamplesFollowTheTruncatedDistribution(Distribution.Normal d, TruncatedNormalSampler.Mode mode) {
        TraitSampler sampler = TraitSamplers.of(d).withRng(rng(2));
        assertThat(((TruncatedNormalSampler) sampler).mode()).isEqualTo(mode);
        double[] x = draw(sampler, N);
        DoubleUnaryOperator cdf = DistributionFit.truncatedNormalCdf(d);
        double[] u = new double[N];
        for (int i = 0; i < N; i++) {
            assertThat(x[i]).isBetween(d.min(), d.max());
            u[i] = cdf.applyAsDouble(x[i]);
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), u);
        assertThat(p).as("KS p-value").isGreaterThan(ALPHA);
    }

    static Stream<Arguments> discrete() {
        return Stream.of(
                Arguments.of(new Distribution.Poisson(3.5), poisson(3.5)),     // small-mean sampler
                Arguments.of(new Distribution.Poisson(60), poisson(60)),       // large-mean sampler
                Arguments.of(new Distribution.Categorical(List.of(1.0, 2.5, 7.0), List.of(0.2, 0.5, 0.3)),
                        Map.of(1.0, 0.2, 2.5, 0.5, 7.0, 0.3)),
                // Empirical with equal weights: a repeated observation is drawn in proportion to its repeats.
                Arguments.of(new Distribution.Empirical(List.of(3.0, 1.0, 4.0, 1.0, 5.0), List.of()),
                        Map.of(1.0, 0.4, 3.0, 0.2, 4.0, 0.2, 5.0, 0.2)),
                Arguments.of(new Distribution.Empirical(List.of(10.0, 20.0, 30.0), List.of(1.0, 2.0, 7.0)),
                        Map.of(10.0, 0.1, 20.0, 0.2, 30.0, 0.7)));
    }

    /** The Poisson pmf, with both tails pooled into the end cells so every expected count is ≥ 20 at n = 10^5. */
    static Map<Double, Double> poisson(double mean) {
        PoissonDistribution pd = new PoissonDistribution(mean);
        int lo = 0;
        while (pd.cumulativeProbability(lo) * 100_000 < 20) {
            lo++;
        }
        int hi = lo;
        while ((1 - pd.cumulativeProbability(hi)) * 100_000 >= 20) {
            hi++;
        }
        Map<Double, Double> p = new TreeMap<>();
        p.put((double) lo, pd.cumulativeProbability(lo));
        for (int k = lo + 1; k < hi; k++) {
            p.put((double) k, pd.probability(k));
        }
        p.put((double) hi, 1 - pd.cumulativeProbability(hi - 1));
        return p;
    }

    /** Chi-square goodness of fit, n = 10^5, alpha = 0.001: false-failure rate 0.001 per case. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("discrete")
    void discreteSamplesFollowTheirDistribution(Distribution d, Map<Double, Double> probabilities) {
        int n = 100_000;
        TreeMap<Double, Double> cells = new TreeMap<>(probabilities);
        double lowest = cells.firstKey();
        double highest = cells.lastKey();
        long[] observed = new long[cells.size()];
        double[] expected = new double[cells.size()];
        List<Double> keys = List.copyOf(cells.keySet());
        for (int i = 0; i < keys.size(); i++) {
            expected[i] = n * cells.get(keys.get(i));
        }
        TraitSampler sampler = TraitSamplers.of(d).withRng(rng(3));
        for (int i = 0; i < n; i++) {
            // Pooled tails: values beyond the end cells count in them.
            double v = Math.max(lowest, Math.min(highest, sampler.sample()));
            int cell = keys.indexOf(v);
            assertThat(cell).as("value %s is a cell", v).isNotNegative();
            observed[cell]++;
        }
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertThat(p).as("chi-square p-value").isGreaterThan(ALPHA);
    }

    static Stream<Arguments> degenerate() {
        return Stream.of(
                Arguments.of(new Distribution.Constant(0.01), 0.01),
                Arguments.of(new Distribution.Uniform(2, 2), 2.0),
                Arguments.of(new Distribution.Normal(5, 0, -INF, INF), 5.0),
                Arguments.of(new Distribution.Normal(5, 1, 3, 3), 3.0),
                // Standardised windows beyond the double range: the limit, a point mass at the near edge.
                Arguments.of(new Distribution.Normal(0, 1e-310, 1, 2), 1.0),
                Arguments.of(new Distribution.Normal(0, 1e-310, -INF, -1), -1.0),
                Arguments.of(new Distribution.LogNormal(1, 0), Math.E),
                Arguments.of(new Distribution.Poisson(0), 0.0),
                Arguments.of(new Distribution.Exponential(0), 0.0),
                Arguments.of(new Distribution.Empirical(List.of(7.0), List.of()), 7.0),
                Arguments.of(new Distribution.Categorical(List.of(7.0), List.of(1.0)), 7.0));
    }

    /** A point mass gives its value and draws nothing, so it shifts no later draw. Deterministic. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("degenerate")
    void pointMassesAreConstantsThatDrawNothing(Distribution d, double value) {
        UniformRandomProvider used = rng(4);
        TraitSampler sampler = TraitSamplers.of(d).withRng(used);
        for (int i = 0; i < 10; i++) {
            assertThat(sampler.sample()).isEqualTo(value);
        }
        assertThat(used.nextLong()).isEqualTo(rng(4).nextLong());
    }

    static Stream<Arguments> invalid() {
        double nan = Double.NaN;
        return Stream.of(
                Arguments.of(new Distribution.Constant(nan), "constant: value must be a finite number, got NaN"),
                Arguments.of(new Distribution.Uniform(3, 1), "uniform: min must be <= max, got min 3.0 and max 1.0"),
                Arguments.of(new Distribution.Uniform(0, INF), "uniform: max must be a finite number"),
                Arguments.of(new Distribution.Normal(0, -1, -INF, INF), "normal: sd must be >= 0, got -1.0"),
                Arguments.of(new Distribution.Normal(nan, 1, -INF, INF), "normal: mean must be a finite number"),
                Arguments.of(new Distribution.Normal(0, 1, 2, 1), "normal: min must be <= max"),
                Arguments.of(new Distribution.Normal(0, 1, nan, 1), "normal: truncation bounds must be numbers"),
                Arguments.of(new Distribution.Normal(0, 1, INF, INF), "normal: truncation bounds must be numbers"),
                Arguments.of(new Distribution.Normal(0, 0, 1, 2), "normal: with sd 0 the mean 0.0 must lie in [1.0, 2.0]"),
                Arguments.of(new Distribution.LogNormal(0, -1), "lognormal: sigma must be >= 0"),
                Arguments.of(new Distribution.Gamma(0, 1), "gamma: shape must be > 0, got 0.0"),
                Arguments.of(new Distribution.Gamma(1, -1), "gamma: scale must be > 0"),
                Arguments.of(new Distribution.Beta(-1, 2), "beta: alpha must be > 0"),
                Arguments.of(new Distribution.Beta(1, INF), "beta: beta must be a finite number"),
                Arguments.of(new Distribution.Poisson(-1), "poisson: mean must be >= 0"),
                Arguments.of(new Distribution.Poisson(3e9), "poisson: mean must be < 2147483647"),
                Arguments.of(new Distribution.Exponential(-2), "exponential: mean must be >= 0"),
                Arguments.of(new Distribution.Empirical(List.of(), List.of()), "empirical: values must not be empty"),
                Arguments.of(new Distribution.Empirical(List.of(1.0, 2.0), List.of(1.0)),
                        "empirical: weights must have one entry per value (2), got 1"),
                Arguments.of(new Distribution.Empirical(List.of(1.0, 2.0), List.of(-1.0, 2.0)),
                        "empirical: weights[0] must be >= 0"),
                Arguments.of(new Distribution.Empirical(List.of(1.0, INF), List.of()), "empirical: values[1] must be a finite"),
                Arguments.of(new Distribution.Categorical(List.of(1.0, 2.0), List.of(0.0, 0.0)),
                        "categorical: probabilities must have a positive, finite sum, got 0.0"),
                Arguments.of(new Distribution.Categorical(List.of(1.0), List.of()),
                        "categorical: probabilities must have one entry per value (1), got 0"));
    }

    /** Invalid parameters are refused when the sampler is built, naming the parameter and the value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidParametersAreRefused(Distribution d, String message) {
        assertThatThrownBy(() -> TraitSamplers.of(d)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    static Stream<Distribution> everyKind() {
        return Stream.of(
                new Distribution.Constant(2),
                new Distribution.Uniform(0, 1),
                new Distribution.Normal(0, 1, -INF, INF),
                new Distribution.Normal(0.5, 0.2, 0, 1),
                new Distribution.Normal(0, 1, -0.1, 0.1),
                new Distribution.Normal(0, 1, 6, INF),
                new Distribution.LogNormal(0, 1),
                new Distribution.Gamma(0.3, 1),
                new Distribution.Gamma(3, 1),
                new Distribution.Beta(1, 60),
                new Distribution.Beta(2, 5),
                new Distribution.Beta(0.4, 5),
                new Distribution.Poisson(2),
                new Distribution.Poisson(500),
                new Distribution.Exponential(1),
                new Distribution.Empirical(List.of(1.0, 2.0, 3.0), List.of()),
                new Distribution.Categorical(List.of(1.0, 2.0), List.of(0.3, 0.7)));
    }

    /**
     * The rebinding contract, for every kind (deterministic): a prototype rebound to a generator draws exactly what a
     * sampler built on that generator draws; copies bound to different generators share no mutable state
     * (interleaved draws equal separate draws); and the prototype itself refuses to draw.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void rebindingSharesTablesButNotState(Distribution d) {
        TraitSampler prototype = TraitSamplers.of(d);
        assertThat(prototype.distribution()).isEqualTo(d);
        assertThat(draw(prototype.withRng(rng(5)), 1000)).containsExactly(draw(TraitSamplers.of(d, rng(5)), 1000));

        double[] aloneA = draw(prototype.withRng(rng(6)), 1000);
        double[] aloneB = draw(prototype.withRng(rng(7)), 1000);
        TraitSampler a = prototype.withRng(rng(6));
        TraitSampler b = prototype.withRng(rng(7));
        double[] interleavedA = new double[1000];
        double[] interleavedB = new double[1000];
        for (int i = 0; i < 1000; i++) {
            interleavedA[i] = a.sample();
            interleavedB[i] = b.sample();
        }
        assertThat(interleavedA).containsExactly(aloneA);
        assertThat(interleavedB).containsExactly(aloneB);

        if (!(d instanceof Distribution.Constant)) {
            assertThatThrownBy(prototype::sample).isInstanceOf(IllegalStateException.class).hasMessageContaining("withRng");
        }
        assertThrows(NullPointerException.class, () -> prototype.withRng(null));
    }

    @Test
    void anAstronomicallyFarWindowTerminatesAtItsEdge() {
        // 10^200 sd above the mean: squares overflow; the sampler must still terminate, inside the window, at
        // (to double precision) its near edge. Deterministic.
        TraitSampler sampler = TraitSamplers.of(new Distribution.Normal(0, 1e-200, 1, INF)).withRng(rng(9));
        for (int i = 0; i < 1000; i++) {
            assertThat(sampler.sample()).isEqualTo(1.0);
        }
        TraitSampler below = TraitSamplers.of(new Distribution.Normal(0, 1e-200, -3, -2)).withRng(rng(9));
        for (int i = 0; i < 1000; i++) {
            assertThat(below.sample()).isEqualTo(-2.0);
        }
    }

    @Test
    void aFarTailWindowIsSampledExactly() {
        // Normal(0, 1) truncated to [40, ∞) holds ~4·10^-350 of the mass (below the smallest double). Its mean is
        // E[Z | Z > 40] = 40.0249688 (Mills ratio) and its sd ≈ 0.0249; at n = 50 000 the sample mean's standard
        // error is 1.1·10^-4, so a 4.5-SE tolerance has false-failure rate 6.8·10^-6.
        double[] x = draw(TraitSamplers.of(new Distribution.Normal(0, 1, 40, INF)).withRng(rng(8)), N);
        double mean = 0;
        for (double v : x) {
            assertThat(v).isFinite().isGreaterThanOrEqualTo(40);
            mean += v / N;
        }
        assertThat(mean).isCloseTo(40.0249688, org.assertj.core.data.Offset.offset(4.5 * 0.0249 / Math.sqrt(N)));
    }
}
