package org.segmentlab.simulator.engine;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * A chunk's single draws, in bulk: the customers' draw positions ({@link CustomerRandom#customerBase}) and the first
 * uniform of each customer's stream for one purpose, a whole chunk per call instead of one customer at a time. The
 * numbers are exactly those of the scalar cursor, so a stage that takes its draws from here draws what it drew before.
 * Two kernels give the same numbers: the scalar one (the definitions below) and {@link VectorUniformKernel}, eight
 * customers to an instruction (see {@link VectorKernels} for when).
 */
interface UniformKernel {
    /**
     * The draw positions of the rows {@code from .. from+count-1} in the month {@code key}, keyed by the customers'
     * stable ids (rows move when churned rows are compacted away, ids never do):
     * {@code out[r] = CustomerRandom.customerBase(key, id[from + r])}.
     */
    void positions(long key, int[] id, int from, int count, long[] out);

    /**
     * The first uniform of each customer's stream for {@code purpose}: {@code out[j]} is
     * {@code rng.resetAt(position[j], purpose).nextDouble()} for j below {@code count}.
     */
    void uniforms(long[] position, int count, Purpose purpose, double[] out);

    /** The definitions, one customer at a time: what the vector kernel reproduces. */
    UniformKernel SCALAR = new UniformKernel() {
        @Override
        public void positions(long key, int[] id, int from, int count, long[] out) {
            for (int r = 0; r < count; r++) {
                out[r] = CustomerRandom.customerBase(key, id[from + r]);
            }
        }

        @Override
        public void uniforms(long[] position, int count, Purpose purpose, double[] out) {
            for (int j = 0; j < count; j++) {
                out[j] = CustomerRandom.firstDouble(position[j], purpose);
            }
        }
    };

    /** The kernel {@link VectorKernels} picks: the vector one when it is there and not overridden. */
    static UniformKernel configured() {
        return VECTOR != null && !VectorKernels.scalarWanted() ? VECTOR : SCALAR;
    }

    /** The vector kernel, or null (see {@link VectorKernels#create}). */
    UniformKernel VECTOR = VectorKernels.create("VectorUniformKernel", UniformKernel.class);
}
