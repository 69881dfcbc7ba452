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
 * {@link BinomialKernel} on the incubating Vector API: a vector of customers at a time, the same operations as
 * {@link Draws#binomialSmall} in the same order, so the same counts bit for bit: the uniform (as
 * {@link VectorUniformKernel} draws it), (1 − p)^n by n multiplications in each lane, then step k multiplies the
 * probability by ((n − k + 1)·odds)/k and adds it to the cdf in every lane still searching. Trial counts are exact in
 * doubles. Lanes with no trials or p ≤ 0 give 0, lanes with p ≥ 1 give n, as the scalar draw does without a uniform;
 * a NaN p gives 0 on both paths (every comparison with the cdf fails). The customers after the last full vector take
 * the scalar draw. Counts are kept as doubles until a scalar loop stores them: JDK 17 compiles no double-to-integer
 * vector conversion.
 */
final class VectorBinomialKernel implements BinomialKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final int LANES = D.length();

    /** The three vector passes, each compiled on its own ({@link CompiledApart}); the uniforms are {@link VectorUniformKernel}'s. */
    private final MethodHandle uniforms = CompiledApart.pass(MethodHandles.lookup().in(VectorUniformKernel.class), "uniforms",
            void.class, long[].class, long.class, double[].class, int.class);
    private final MethodHandle start = CompiledApart.pass(MethodHandles.lookup(), "start", void.class,
            double[].class, double[].class, double[].class, int.class);
    private final MethodHandle search = CompiledApart.pass(MethodHandles.lookup(), "search", void.class,
            double[].class, double[].class, double[].class, double[].class, int.class);

    private VectorBinomialKernel() {
    }

    /** The kernel, or null when this CPU's preferred vectors are too short to pay (fewer than four doubles). */
    static BinomialKernel create() {
        return LANES >= 4 && L.length() == LANES ? new VectorBinomialKernel() : null;
    }

    @Override
    public void draw(Chunk c, Purpose purpose, int[] out) {
        long[] position = c.position;
        double[] probability = c.mean;
        double[] trials = c.drawn;
        int[] n = c.trials;
        int count = c.liveCount;
        int full = count - count % LANES;
        for (int j = 0; j < full; j++) {
            trials[j] = n[j];
        }
        try {
            uniforms.invokeExact(position, purpose.salt() + CustomerRandom.GAMMA, c.uniform, full);
            start.invokeExact(trials, probability, c.passA, full);
            search.invokeExact(trials, probability, c.uniform, c.passA, full);
        } catch (Throwable e) {
            throw CompiledApart.rethrown(e);
        }
        for (int j = 0; j < full; j++) {
            out[j] = (int) trials[j];
        }
        for (int j = full; j < count; j++) {
            out[j] = Draws.binomialSmall(c.rng.resetAt(position[j], purpose), n[j], probability[j]);
        }
    }

    /**
     * First pass, for the first {@code full} customers: the lanes with no trials or p ≤ 0 get 0 in {@code trials}, those
     * with p ≥ 1 keep n, and the others (NaN p included) get (1 − p)^n in {@code first}, by n multiplications in each lane;
     * the rest of {@code first} gets −1.
     */
    @SuppressWarnings("unused") // called through its handle
    private static void start(double[] trials, double[] probability, double[] first, int full) {
        for (int j = 0; j < full; j += LANES) {
            DoubleVector t = DoubleVector.fromArray(D, trials, j);
            DoubleVector p = DoubleVector.fromArray(D, probability, j);
            VectorMask<Double> none = t.compare(VectorOperators.LE, 0.0).or(p.compare(VectorOperators.LE, 0.0));
            VectorMask<Double> all = p.compare(VectorOperators.GE, 1.0).andNot(none);
            VectorMask<Double> drawing = none.or(all).not();
            DoubleVector.zero(D).blend(t, all).blend(t, drawing).intoArray(trials, j);
            DoubleVector step = DoubleVector.broadcast(D, -1.0);
            if (drawing.anyTrue()) {
                DoubleVector q = DoubleVector.broadcast(D, 1.0).sub(p);
                step = DoubleVector.broadcast(D, 1.0);
                double most = DoubleVector.zero(D).blend(t, drawing).reduceLanes(VectorOperators.MAX);
                for (double i = 0; i < most; i++) {
                    step = step.mul(q, t.compare(VectorOperators.GT, i));
                }
                step = step.blend(-1.0, drawing.not());
            }
            step.intoArray(first, j);
        }
    }

    /**
     * Second pass: the search from (1 − p)^n in {@code first}; step k multiplies the probability by ((n − k + 1)·odds)/k
     * and adds it to the cdf in every lane still searching. The drawing lanes of {@code trials} receive their draws.
     */
    @SuppressWarnings("unused") // called through its handle
    private static void search(double[] trials, double[] probability, double[] uniform, double[] first, int full) {
        for (int j = 0; j < full; j += LANES) {
            DoubleVector step = DoubleVector.fromArray(D, first, j);
            VectorMask<Double> drawing = step.compare(VectorOperators.NE, -1.0);
            if (!drawing.anyTrue()) {
                continue;
            }
            DoubleVector t = DoubleVector.fromArray(D, trials, j);
            DoubleVector p = DoubleVector.fromArray(D, probability, j);
            DoubleVector u = DoubleVector.fromArray(D, uniform, j);
            DoubleVector q = DoubleVector.broadcast(D, 1.0).sub(p);
            DoubleVector cdf = step;
            DoubleVector odds = p.div(q);
            DoubleVector drawn = DoubleVector.zero(D);
            VectorMask<Double> searching = drawing.and(u.compare(VectorOperators.GE, cdf)).and(drawn.compare(VectorOperators.LT, t));
            while (searching.anyTrue()) {
                drawn = drawn.add(1.0, searching);
                step = step.mul(t.sub(drawn).add(1.0).mul(odds).div(drawn), searching);
                cdf = cdf.add(step, searching);
                searching = searching.and(u.compare(VectorOperators.GE, cdf)).and(drawn.compare(VectorOperators.LT, t));
            }
            t.blend(drawn, drawing).intoArray(trials, j);
        }
    }
}
