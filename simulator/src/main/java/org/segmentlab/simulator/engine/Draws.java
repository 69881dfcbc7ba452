package org.segmentlab.simulator.engine;

import org.apache.commons.math3.special.Gamma;
import org.segmentlab.simulator.random.Inversion;

/**
 * Discrete draws the engine needs with a per-customer mean, written to allocate nothing: Poisson by inversion
 * (small means) or Hörmann's PTRS transformed rejection (large means), and Bernoulli counts.
 */
final class Draws {
    /** Below this mean, inversion by sequential search (expected mean+1 steps) is fastest. */
    static final double PTRS_FROM = 10.0;
    /**
     * The largest Poisson mean drawn: 2^30, so a count (mean plus a few hundred standard deviations) still fits an
     * int. The engine's means are bounded far below (validated rates and sensitivities).
     */
    static final double MAX_POISSON_MEAN = 0x1p30;
    /** log(k!) for k below this comes from {@link #LOG_FACTORIAL}: the same values, without a series per use. */
    private static final int LOG_FACTORIAL_TABLE = 1024;
    /** log(k!) = {@code Gamma.logGamma(k + 1.0)}, computed by that very call: PTRS's squeeze reads it per rejection. */
    private static final double[] LOG_FACTORIAL = new double[LOG_FACTORIAL_TABLE];
    /** The inversion's longest search: it bounds the loop if rounding ever leaves the cdf short of u. */
    static final int INVERSION_STEPS = 1000;
    /** 1/k for the inversion's steps: a multiply where a division would stall each step's dependent product. */
    static final double[] RECIPROCAL = new double[INVERSION_STEPS + 1];

    static {
        for (int k = 0; k < LOG_FACTORIAL_TABLE; k++) {
            LOG_FACTORIAL[k] = Gamma.logGamma(k + 1.0);
        }
        for (int k = 1; k <= INVERSION_STEPS; k++) {
            RECIPROCAL[k] = 1.0 / k;
        }
    }

    private Draws() {
    }

    /**
     * A Poisson(mean) count; 0 for mean ≤ 0.
     *
     * @throws IllegalArgumentException when the mean is NaN, infinite or above {@link #MAX_POISSON_MEAN}: no count
     *                                  could be drawn (the rejection loop would never end, or the count would not fit
     *                                  an int), and the engine never asks for one unless a computation upstream broke
     */
    static int poisson(CustomerRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < PTRS_FROM) {
            double u = rng.nextDouble();
            double p = PortableExp.ofNonPositive(-mean); // the same bits on every JVM and in the vector kernel
            double cdf = p;
            int k = 0;
            while (u > cdf && k < INVERSION_STEPS) {
                k++;
                p *= mean * RECIPROCAL[k];
                cdf += p;
            }
            return k;
        }
        if (!(mean <= MAX_POISSON_MEAN)) { // NaN fails every comparison: it lands here, off the fast path
            throw new IllegalArgumentException("a Poisson mean must be finite and at most 2^30, got " + mean);
        }
        return ptrs(rng, mean);
    }

    /** Hörmann (1993), "The transformed rejection method for generating Poisson random variables". */
    private static int ptrs(CustomerRandom rng, double lam) {
        double slam = Math.sqrt(lam);
        double loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (int) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lam + k * loglam - logFactorial(k)) {
                return (int) k;
            }
        }
    }

    /** log(k!) for k ≥ 0: from the table below {@value #LOG_FACTORIAL_TABLE}, else {@code Gamma.logGamma(k + 1.0)}. */
    static double logFactorial(long k) {
        return k < LOG_FACTORIAL_TABLE ? LOG_FACTORIAL[(int) k] : Gamma.logGamma(k + 1.0);
    }

    /**
     * The number of successes in n Bernoulli(p) trials (n small: the items of one customer-month), by inversion of
     * one uniform ({@link Inversion#binomial}); no draw when p or n leaves nothing to draw.
     */
    static int binomialSmall(CustomerRandom rng, int n, double p) {
        if (p <= 0 || n <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        return Inversion.binomial(rng.nextDouble(), n, p);
    }
}
