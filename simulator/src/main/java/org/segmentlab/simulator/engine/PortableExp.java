package org.segmentlab.simulator.engine;

/**
 * e^x for the Poisson inversion's e^−mean, in plain IEEE additions and multiplications: no table, no fused
 * multiply-add, no intrinsic. So it gives the same bits on every JVM and CPU, and in {@link VectorPoissonKernel}'s
 * lanes, which repeat these operations one for one. ({@code Math.exp} is an intrinsic whose last bit may differ
 * between JVMs, and from the Vector API's EXP.) Within two ulps of e^x (PortableExpTest).
 *
 * <p>x = k·ln 2 + r with k = round(x / ln 2) and |r| ≤ ln 2 / 2 (ln 2 split in two so that k·LN2_HI is exact); e^r by
 * its Taylor series to degree 13 (the remainder is below 10^−17) by Estrin's scheme; then 2^k from the exponent bits.
 */
final class PortableExp {
    static final double INV_LN2 = 1.4426950408889634;
    /** ln 2 in two parts: the high part has 32 trailing zero bits, so k·LN2_HI is exact for |k| < 2^20. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** Adding then subtracting 1.5·2^52 rounds a double of magnitude below 2^51 to the nearest integer. */
    static final double SHIFTER = 0x1.8p52;
    /** The smallest x served: e^x is still a normal double (2^k with k ≥ −1022). */
    static final double MIN = -708;
    /** 1/n! for n = 2 … 13, the Horner coefficients (constants the JIT folds into the instructions). */
    static final double C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720, C7 = 1.0 / 5040,
            C8 = 1.0 / 40320, C9 = 1.0 / 362880, C10 = 1.0 / 3628800, C11 = 1.0 / 39916800, C12 = 1.0 / 479001600,
            C13 = 1.0 / 6227020800.0;

    private PortableExp() {
    }

    /** e^x for {@value #MIN} ≤ x ≤ 0 (the caller keeps x in range: nothing is checked on this path). */
    static double ofNonPositive(double x) {
        double k = (x * INV_LN2 + SHIFTER) - SHIFTER;
        double r = (x - k * LN2_HI) - k * LN2_LO;
        // Estrin's scheme: pairs, then pairs of pairs; four multiply-add levels deep instead of Horner's thirteen.
        double r2 = r * r;
        double r4 = r2 * r2;
        double r8 = r4 * r4;
        double low = (1.0 + r + (C2 + C3 * r) * r2) + ((C4 + C5 * r) + (C6 + C7 * r) * r2) * r4;
        double high = ((C8 + C9 * r) + (C10 + C11 * r) * r2) + (C12 + C13 * r) * r4;
        double p = low + high * r8;
        return p * Double.longBitsToDouble(((long) k + 1023) << 52);
    }
}
