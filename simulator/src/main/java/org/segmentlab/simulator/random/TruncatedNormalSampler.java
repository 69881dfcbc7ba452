package org.segmentlab.simulator.random;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.segmentlab.simulator.scenario.Distribution;

/**
 * Normal(mean, sd) truncated to [min, max] with at least one finite bound, sampled exactly by rejection with a
 * proposal chosen once, at build time, for the window (Robert 1995, "Simulation of truncated normal variables",
 * Statistics and Computing 5:121–125). With z = (x − mean) / sd and the window [a, b] in z:
 * <ul>
 *   <li>{@link Mode#GAUSSIAN}: the window holds at least {@value #GAUSSIAN_MIN_MASS} of the mass: draw untruncated
 *       normals (ziggurat) until one falls inside (on average at most 1 / 0.3 ≈ 3.3 draws);</li>
 *   <li>{@link Mode#UNIFORM}: a narrow window: z uniform on [a, b], accepted with probability
 *       exp((m² − z²) / 2) where m is the window's point nearest 0;</li>
 *   <li>{@link Mode#EXPONENTIAL}: a window in one tail (reflected to the upper tail when it lies below the mean):
 *       z = a + E / λ with E ~ Exp(1) and λ = (a + √(a² + 4)) / 2, accepted when z ≤ b with probability
 *       exp(−(z − λ)² / 2).</li>
 * </ul>
 * Uniform versus exponential follows Robert's criterion (uniform when b − a &lt; 2√e / (a + √(a² + 4)) ·
 * exp((a² − a√(a² + 4)) / 4), a the near edge). Unlike rejection from the untruncated normal (whose cost
 * grows as 1 / mass) or inverse-CDF sampling (Commons Math 3 computes Φ⁻¹(p) as erf⁻¹(2p − 1), which loses all
 * precision beyond about 8 sd and can return −∞ for a window in the far tail), every mode is exact and takes a
 * bounded expected number of draws for any window, however little mass it holds.
 */
final class TruncatedNormalSampler implements TraitSampler {
    /** Below this window mass, rejection from the whole normal is too slow and a tailored proposal is used. */
    static final double GAUSSIAN_MIN_MASS = 0.3;

    /** The proposal, chosen once per distribution. */
    enum Mode { GAUSSIAN, UNIFORM, EXPONENTIAL }

    private final Distribution.Normal distribution;
    private final Mode mode;
    /** The window in standard units; in {@link Mode#EXPONENTIAL} mode reflected to z ≥ 0 when it lies below 0. */
    private final double a;
    private final double b;
    /** UNIFORM: the window point nearest 0. EXPONENTIAL: the rate λ. */
    private final double pivot;
    /** −1 when the window was reflected, else 1. */
    private final double sign;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gaussian;
    private final ZigguratSampler.Exponential exponential;

    private TruncatedNormalSampler(Distribution.Normal distribution, Mode mode, double a, double b, double pivot,
                                   double sign, UniformRandomProvider rng) {
        this.distribution = distribution;
        this.mode = mode;
        this.a = a;
        this.b = b;
        this.pivot = pivot;
        this.sign = sign;
        this.rng = rng;
        this.gaussian = mode == Mode.GAUSSIAN ? ZigguratSampler.NormalizedGaussian.of(rng) : null;
        this.exponential = mode == Mode.EXPONENTIAL ? ZigguratSampler.Exponential.of(rng) : null;
    }

    /**
     * Requires finite mean, sd &gt; 0, min &lt; max, at least one finite bound, and a window whose standardised bounds
     * are not both beyond the double range on one side (checked by the caller, which makes that a point mass).
     */
    static TruncatedNormalSampler of(Distribution.Normal d, UniformRandomProvider rng) {
        double a = (d.min() - d.mean()) / d.sd();
        double b = (d.max() - d.mean()) / d.sd();
        if (mass(a, b) >= GAUSSIAN_MIN_MASS) {
            return new TruncatedNormalSampler(d, Mode.GAUSSIAN, a, b, 0, 1, rng);
        }
        double nearest = a > 0 ? a : b < 0 ? b : 0;
        if (nearest == 0) {
            // A window around the mean holding < 0.3 of the mass is narrower than 0.85 sd: uniform accepts ≥ 70%.
            return new TruncatedNormalSampler(d, Mode.UNIFORM, a, b, 0, 1, rng);
        }
        // A window in one tail; its near edge lo and far edge hi, as if reflected into the upper tail.
        double sign = nearest > 0 ? 1 : -1;
        double lo = nearest > 0 ? a : -b;
        double hi = nearest > 0 ? b : -a;
        // √(lo² + 4) by hypot, and (lo² − lo·√(lo² + 4)) / 4 as −lo / (lo + √(lo² + 4)): no ∞ − ∞ for a far window.
        double root = Math.hypot(lo, 2);
        double uniformWidth = 2 * Math.sqrt(Math.E) / (lo + root) * Math.exp(-lo / (lo + root));
        if (hi - lo < uniformWidth) {
            return new TruncatedNormalSampler(d, Mode.UNIFORM, a, b, nearest, 1, rng);
        }
        return new TruncatedNormalSampler(d, Mode.EXPONENTIAL, lo, hi, (lo + root) / 2, sign, rng);
    }

    /** Φ(b) − Φ(a), computed in the tail where it is accurate. */
    static double mass(double a, double b) {
        if (a >= 0) {
            return upperTail(a) - upperTail(b);
        }
        if (b <= 0) {
            return upperTail(-b) - upperTail(-a);
        }
        return 1 - upperTail(-a) - upperTail(b);
    }

    /** 1 − Φ(x) via erfc, accurate far into the upper tail (Commons Math's NormalDistribution does the same). */
    static double upperTail(double x) {
        return x == Double.POSITIVE_INFINITY ? 0 : 0.5 * Erf.erfc(x / Math.sqrt(2));
    }

    Mode mode() {
        return mode;
    }

    @Override
    public double sample() {
        double z = standard();
        double x = distribution.mean() + distribution.sd() * z;
        // Rounding of mean + sd·z can step one ulp outside the window.
        return Math.min(distribution.max(), Math.max(distribution.min(), x));
    }

    private double standard() {
        switch (mode) {
            case GAUSSIAN:
                while (true) {
                    double z = gaussian.sample();
                    if (z >= a && z <= b) {
                        return z;
                    }
                }
            case UNIFORM:
                while (true) {
                    double z = a + (b - a) * rng.nextDouble();
                    // (m − z)(m + z) rather than m² − z²: no cancellation for a window far from 0.
                    if (rng.nextDouble() <= Math.exp((pivot - z) * (pivot + z) / 2)) {
                        return z;
                    }
                }
            default:
                while (true) {
                    double z = a + exponential.sample() / pivot;
                    double d = z - pivot;
                    if (z <= b && rng.nextDouble() <= Math.exp(-d * d / 2)) {
                        return sign * z;
                    }
                }
        }
    }

    @Override
    public TraitSampler withRng(UniformRandomProvider newRng) {
        return new TruncatedNormalSampler(distribution, mode, a, b, pivot, sign, java.util.Objects.requireNonNull(newRng, "rng"));
    }

    @Override
    public Distribution distribution() {
        return distribution;
    }
}
