package org.segmentlab.simulator.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * {@link PoissonKernel} on the incubating Vector API: a vector of customers at a time (eight on a 512-bit CPU), the
 * same operations as {@link Draws#poisson} in the same order, so the same counts bit for bit:
 * <ol>
 * <li>the uniforms: SplitMix64 of (position + salt + γ), its top 53 bits times 2^−53 ({@link VectorUniformKernel});</li>
 * <li>e^−mean by {@link PortableExp}'s operations, one for one (the Vector API's EXP may differ in the last bit);</li>
 * <li>the inversion: step k multiplies p by mean·(1/k) and adds it to the cdf in every lane still searching; a lane
 * stops counting once u ≤ cdf, so its count is the scalar loop's.</li>
 * </ol>
 * Customers whose mean is not below {@link Draws#PTRS_FROM} (or NaN), and the few after the last full vector, take the
 * scalar draw. The three steps are three passes over the chunk (the uniforms into {@link Chunk#uniform}, e^−mean and
 * then the counts into {@link Chunk#drawn}), each compiled on its own ({@link CompiledApart}). Only loaded,
 * reflectively, when the {@code jdk.incubator.vector} module is in the boot layer. No vector is passed to a method C2
 * does not inline, and no double-to-integer conversion is used: JDK 17 runs both as slow Java.
 */
final class VectorPoissonKernel implements PoissonKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final int LANES = D.length();
    /** 1/k for the inversion's steps, as {@link Draws} multiplies by them. */
    private static final double[] RECIPROCAL = Draws.RECIPROCAL;

    /** The vector passes, each compiled on its own ({@link CompiledApart}). */
    private final MethodHandle uniforms = CompiledApart.pass(MethodHandles.lookup().in(VectorUniformKernel.class), "uniforms", void.class,
            long[].class, long.class, double[].class, int.class);
    private final MethodHandle reduce = CompiledApart.pass(MethodHandles.lookup(), "reduce", void.class,
            double[].class, double[].class, double[].class, int.class);
    private final MethodHandle lowTerms = CompiledApart.pass(MethodHandles.lookup(), "lowTerms", void.class,
            double[].class, double[].class, int.class);
    private final MethodHandle expOfNegated = CompiledApart.pass(MethodHandles.lookup(), "expOfNegated", void.class,
            double[].class, double[].class, double[].class, int.class);
    private final MethodHandle invert = CompiledApart.pass(MethodHandles.lookup(), "invert", void.class,
            double[].class, double[].class, double[].class, int.class);

    private VectorPoissonKernel() {
    }

    /** The kernel, or null when this CPU's preferred vectors are too short to pay (fewer than four doubles). */
    static PoissonKernel create() {
        return LANES >= 4 && L.length() == LANES ? new VectorPoissonKernel() : null;
    }

    @Override
    public void draw(Chunk c, Purpose purpose, int[] out) {
        long[] position = c.position;
        double[] mean = c.mean;
        double[] drawn = c.drawn;
        int count = c.liveCount;
        int full = count - count % LANES;
        try {
            uniforms.invokeExact(position, purpose.salt() + CustomerRandom.GAMMA, c.uniform, full);
            reduce.invokeExact(mean, drawn, c.passA, full);
            lowTerms.invokeExact(drawn, c.passB, full);
            expOfNegated.invokeExact(drawn, c.passB, c.passA, full);
            invert.invokeExact(mean, c.uniform, drawn, full);
        } catch (Throwable e) {
            throw CompiledApart.rethrown(e);
        }
        CustomerRandom rng = c.rng;
        for (int j = 0; j < full; j++) {
            // Means at or past the inversion's range (or NaN) took no count on the lanes: the scalar draw, PTRS or its error.
            out[j] = mean[j] < Draws.PTRS_FROM ? (int) drawn[j] : Draws.poisson(rng.resetAt(position[j], purpose), mean[j]);
        }
        for (int j = full; j < count; j++) {
            out[j] = Draws.poisson(rng.resetAt(position[j], purpose), mean[j]);
        }
    }

    /**
     * e^−mean of the first {@code full} customers by {@link PortableExp}'s operations, one for one, in three passes
     * (one pass of them, about 35 operations, still crossed C2's limit now and then). First the reduction: −mean =
     * k·ln 2 + r, r into {@code r} and 2^k into {@code scale}.
     */
    @SuppressWarnings("unused") // called through its handle
    private static void reduce(double[] mean, double[] r, double[] scale, int full) {
        for (int j = 0; j < full; j += LANES) {
            DoubleVector x = DoubleVector.fromArray(D, mean, j).neg();
            DoubleVector shifted = x.mul(PortableExp.INV_LN2).add(PortableExp.SHIFTER);
            DoubleVector k = shifted.sub(PortableExp.SHIFTER);
            x.sub(k.mul(PortableExp.LN2_HI)).sub(k.mul(PortableExp.LN2_LO)).intoArray(r, j);
            // 2^k without a double-to-long conversion (JDK 17 does not compile one): shifted = 1.5·2^52 + k exactly, so
            // its bits are those of 1.5·2^52 plus k, and shifting (bits + 1023) left by 52 leaves (k + 1023) << 52, the
            // scalar's ((long) k + 1023) << 52. Lanes outside the exponential's range give values nobody reads.
            shifted.viewAsIntegralLanes().add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles().intoArray(scale, j);
        }
    }

    /** Then the polynomial's low terms, into {@code low}. */
    @SuppressWarnings("unused") // called through its handle
    private static void lowTerms(double[] reduced, double[] low, int full) {
        for (int j = 0; j < full; j += LANES) {
            DoubleVector r = DoubleVector.fromArray(D, reduced, j);
            DoubleVector r2 = r.mul(r);
            DoubleVector r4 = r2.mul(r2);
            r.add(1.0).add(r.mul(PortableExp.C3).add(PortableExp.C2).mul(r2))
                    .add(r.mul(PortableExp.C5).add(PortableExp.C4).add(r.mul(PortableExp.C7).add(PortableExp.C6).mul(r2)).mul(r4))
                    .intoArray(low, j);
        }
    }

    /** Last, the high terms, the sum and the scale: e^−mean over the reduced values in {@code reduced}. */
    @SuppressWarnings("unused") // called through its handle
    private static void expOfNegated(double[] reduced, double[] low, double[] scale, int full) {
        for (int j = 0; j < full; j += LANES) {
            DoubleVector r = DoubleVector.fromArray(D, reduced, j);
            DoubleVector r2 = r.mul(r);
            DoubleVector r4 = r2.mul(r2);
            DoubleVector r8 = r4.mul(r4);
            DoubleVector high = r.mul(PortableExp.C9).add(PortableExp.C8).add(r.mul(PortableExp.C11).add(PortableExp.C10).mul(r2))
                    .add(r.mul(PortableExp.C13).add(PortableExp.C12).mul(r4));
            DoubleVector p = DoubleVector.fromArray(D, low, j).add(high.mul(r8));
            p.mul(DoubleVector.fromArray(D, scale, j)).intoArray(reduced, j);
        }
    }

    /**
     * Third pass: the inversion, from e^−mean in {@code drawn}, whose slots then receive the counts as doubles (JDK 17
     * compiles no double-to-integer vector conversion). Lanes whose mean is not in (0, {@link Draws#PTRS_FROM}) count 0.
     */
    @SuppressWarnings("unused") // called through its handle
    private static void invert(double[] mean, double[] uniform, double[] drawn, int full) {
        for (int j = 0; j < full; j += LANES) {
            DoubleVector m = DoubleVector.fromArray(D, mean, j);
            DoubleVector u = DoubleVector.fromArray(D, uniform, j);
            DoubleVector p = DoubleVector.fromArray(D, drawn, j);
            DoubleVector cdf = p;
            VectorMask<Double> inverted = m.compare(VectorOperators.GT, 0.0).and(m.compare(VectorOperators.LT, Draws.PTRS_FROM));
            VectorMask<Double> searching = inverted.and(u.compare(VectorOperators.GT, cdf));
            DoubleVector k = DoubleVector.zero(D);
            for (int step = 1; step <= Draws.INVERSION_STEPS && searching.anyTrue(); step++) {
                k = k.add(1.0, searching);
                p = p.mul(m.mul(RECIPROCAL[step]));
                cdf = cdf.add(p);
                searching = searching.and(u.compare(VectorOperators.GT, cdf));
            }
            k.intoArray(drawn, j);
        }
    }
}
