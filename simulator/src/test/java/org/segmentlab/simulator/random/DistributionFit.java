package org.segmentlab.simulator.random;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.segmentlab.simulator.scenario.Distribution;

/** Goodness-of-fit p-values of samples against a scenario {@link Distribution}, for tests. */
public final class DistributionFit {
    private static final double INF = Double.POSITIVE_INFINITY;

    private DistributionFit() {
    }

    /** Whether the distribution is continuous (tested by KS) rather than discrete (chi-square) or constant. */
    public static boolean isContinuous(Distribution d) {
        return d instanceof Distribution.Uniform || d instanceof Distribution.Normal || d instanceof Distribution.LogNormal
                || d instanceof Distribution.Gamma || d instanceof Distribution.Beta || d instanceof Distribution.Exponential;
    }

    /** The p-value of a Kolmogorov–Smirnov test of {@code x} against a continuous distribution. */
    public static double ksPValue(Distribution d, double[] x) {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        if (d instanceof Distribution.Normal n && (n.min() > -INF || n.max() < INF)) {
            // Probability integral transform: F(X) ~ U(0, 1).
            DoubleUnaryOperator cdf = truncatedNormalCdf(n);
            double[] u = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                u[i] = cdf.applyAsDouble(x[i]);
            }
            return ks.kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), u);
        }
        return ks.kolmogorovSmirnovTest(reference(d), x);
    }

    static RealDistribution reference(Distribution d) {
        if (d instanceof Distribution.Uniform u) {
            return new UniformRealDistribution(u.min(), u.max());
        }
        if (d instanceof Distribution.Normal n) {
            return new NormalDistribution(n.mean(), n.sd());
        }
        if (d instanceof Distribution.LogNormal l) {
            return new LogNormalDistribution(l.mu(), l.sigma());
        }
        if (d instanceof Distribution.Gamma g) {
            return new GammaDistribution(g.shape(), g.scale());
        }
        if (d instanceof Distribution.Beta b) {
            return new BetaDistribution(b.alpha(), b.beta());
        }
        if (d instanceof Distribution.Exponential e) {
            return new ExponentialDistribution(e.mean());
        }
        throw new IllegalArgumentException("not continuous: " + d);
    }

    /** The truncated normal's CDF, computed in the tail where the window lies so it stays accurate there. */
    public static DoubleUnaryOperator truncatedNormalCdf(Distribution.Normal d) {
        double a = (d.min() - d.mean()) / d.sd();
        double b = (d.max() - d.mean()) / d.sd();
        DoubleUnaryOperator q = z -> z == INF ? 0 : z == -INF ? 1 : 0.5 * Erf.erfc(z / Math.sqrt(2)); // 1 − Φ(z)
        DoubleUnaryOperator std = x -> (x - d.mean()) / d.sd();
        if (a >= 0) {
            return x -> (q.applyAsDouble(a) - q.applyAsDouble(std.applyAsDouble(x))) / (q.applyAsDouble(a) - q.applyAsDouble(b));
        }
        if (b <= 0) {
            return x -> (q.applyAsDouble(-std.applyAsDouble(x)) - q.applyAsDouble(-a)) / (q.applyAsDouble(-b) - q.applyAsDouble(-a));
        }
        NormalDistribution phi = new NormalDistribution(0, 1);
        double lo = phi.cumulativeProbability(a);
        double hi = phi.cumulativeProbability(b);
        return x -> (phi.cumulativeProbability(std.applyAsDouble(x)) - lo) / (hi - lo);
    }

    /**
     * The p-value of a chi-square test of {@code x} against a discrete distribution (poisson, empirical, categorical).
     * Values are compared as floats, as the population stores them. Poisson tails are pooled into end cells with
     * expected counts of at least 20.
     */
    public static double chiSquarePValue(Distribution d, double[] x) {
        TreeMap<Float, Double> p = new TreeMap<>();
        if (d instanceof Distribution.Poisson po) {
            PoissonDistribution pd = new PoissonDistribution(po.mean());
            int lo = 0;
            while (pd.cumulativeProbability(lo) * x.length < 20) {
                lo++;
            }
            int hi = lo + 1;
            while ((1 - pd.cumulativeProbability(hi)) * x.length >= 20) {
                hi++;
            }
            p.put((float) lo, pd.cumulativeProbability(lo));
            for (int k = lo + 1; k < hi; k++) {
                p.put((float) k, pd.probability(k));
            }
            p.put((float) hi, 1 - pd.cumulativeProbability(hi - 1));
        } else {
            List<Double> values;
            List<Double> weights;
            if (d instanceof Distribution.Empirical e) {
                values = e.values();
                weights = e.weights();
            } else if (d instanceof Distribution.Categorical c) {
                values = c.values();
                weights = c.probabilities();
            } else {
                throw new IllegalArgumentException("not discrete: " + d);
            }
            double total = 0;
            for (int i = 0; i < values.size(); i++) {
                total += weights.isEmpty() ? 1 : weights.get(i);
            }
            for (int i = 0; i < values.size(); i++) {
                p.merge(values.get(i).floatValue(), (weights.isEmpty() ? 1 : weights.get(i)) / total, Double::sum);
            }
        }
        List<Float> cells = new ArrayList<>(p.keySet());
        long[] observed = new long[cells.size()];
        double[] expected = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            expected[i] = p.get(cells.get(i)) * x.length;
        }
        for (double v : x) {
            float f = Math.max(p.firstKey(), Math.min(p.lastKey(), (float) v));
            int cell = cells.indexOf(f);
            if (cell < 0) {
                throw new AssertionError("value " + v + " is not a value of " + d);
            }
            observed[cell]++;
        }
        return new ChiSquareTest().chiSquareTest(expected, observed);
    }
}
