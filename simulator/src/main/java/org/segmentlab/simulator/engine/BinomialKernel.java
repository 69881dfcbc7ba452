package org.segmentlab.simulator.engine;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * The small binomial counts of a chunk's customers for one purpose, all in one call: {@code out[j]} is exactly
 * {@code Draws.binomialSmall(c.rng.resetAt(c.position[j], purpose), c.trials[j], c.mean[j])} (n trials of probability
 * {@code c.mean[j]}) for j below {@code c.liveCount}, each customer's first draw of its own stream, as
 * {@link PoissonKernel} does for Poisson counts. Two kernels give the same counts: the scalar one (that very call per
 * customer) and {@link VectorBinomialKernel} (see {@link VectorKernels} for when).
 */
interface BinomialKernel {
    /** Fills {@code out[0 .. c.liveCount-1]} from the chunk's positions, trials and probabilities. */
    void draw(Chunk c, Purpose purpose, int[] out);

    /** One draw per customer, in order: the definition the vector kernel reproduces. */
    BinomialKernel SCALAR = (c, purpose, out) -> {
        for (int j = 0; j < c.liveCount; j++) {
            out[j] = Draws.binomialSmall(c.rng.resetAt(c.position[j], purpose), c.trials[j], c.mean[j]);
        }
    };

    /**
     * Whether {@link Draws#binomialSmall} draws a uniform for these trials and probability (then the customer's next
     * draw of the purpose is its second): with trials, unless p ≤ 0 or p ≥ 1 (a NaN p draws).
     */
    static boolean draws(int trials, double probability) {
        return trials > 0 && !(probability <= 0) && !(probability >= 1);
    }

    /** The kernel {@link VectorKernels} picks: the vector one when it is there and not overridden. */
    static BinomialKernel configured() {
        return VECTOR != null && !VectorKernels.scalarWanted() ? VECTOR : SCALAR;
    }

    /** The vector kernel, or null (see {@link VectorKernels#create}). */
    BinomialKernel VECTOR = VectorKernels.create("VectorBinomialKernel", BinomialKernel.class);
}
