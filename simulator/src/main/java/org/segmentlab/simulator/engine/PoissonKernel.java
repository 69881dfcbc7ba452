package org.segmentlab.simulator.engine;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * The Poisson counts of a chunk's customers for one purpose, all in one call: {@code out[j]} is exactly
 * {@code Draws.poisson(c.rng.resetAt(c.position[j], purpose), c.mean[j])} for j below {@code c.liveCount}, each
 * customer's first draw of its own stream, so common random numbers and thread-count independence hold as for a single
 * draw. Two kernels give the same counts:
 * the scalar one (that very call per customer) and {@link VectorPoissonKernel}, which draws the uniforms, e^−mean
 * ({@link PortableExp}) and the inversion eight customers to an instruction (see {@link VectorKernels} for when).
 */
interface PoissonKernel {
    /** Fills {@code out[0 .. c.liveCount-1]} from the chunk's positions and means ({@code c.drawn} is scratch). */
    void draw(Chunk c, Purpose purpose, int[] out);

    /** One draw per customer, in order: the definition the vector kernel reproduces. */
    PoissonKernel SCALAR = (c, purpose, out) -> {
        for (int j = 0; j < c.liveCount; j++) {
            out[j] = Draws.poisson(c.rng.resetAt(c.position[j], purpose), c.mean[j]);
        }
    };

    /** The kernel {@link VectorKernels} picks: the vector one when it is there and not overridden. */
    static PoissonKernel configured() {
        return VECTOR != null && !VectorKernels.scalarWanted() ? VECTOR : SCALAR;
    }

    /** The vector kernel, or null (see {@link VectorKernels#create}). */
    PoissonKernel VECTOR = VectorKernels.create("VectorPoissonKernel", PoissonKernel.class);
}
