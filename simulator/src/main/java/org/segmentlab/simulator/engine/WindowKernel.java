package org.segmentlab.simulator.engine;

/**
 * The window sums and counts of a run of customers from {@link WindowRing}'s slot-major columns, into
 * {@link WindowSums.WindowCounts}. Two kernels give the same numbers bit for bit: the scalar one ({@link WindowSums}:
 * the counts eight customers to a long, the float sums customer by customer) and {@link VectorWindowKernel} (the
 * 12-month float sums of eight customers to an instruction on a 512-bit CPU, each adding the same values in the same
 * order; see {@link VectorKernels} for when).
 */
interface WindowKernel {
    /** {@link WindowSums#counts}: customers {@code from .. from+count-1} over the {@code n} slots of a ring of stride {@code stride}. */
    void counts(long[] purchases, long[] servedOffered, long[] complaintsReferrals, int stride, int from, int count, int n,
                WindowSums.WindowCounts into);

    /** {@link WindowSums#sums}: {@code out[j]} = the window sum of customer {@code from + j} ({@code scratch}: scratch). */
    void sums(float[] values, int stride, int from, int count, int n, double[] out, double[] scratch);

    /** The definitions the vector kernel reproduces. */
    WindowKernel SCALAR = new WindowKernel() {
        @Override
        public void counts(long[] purchases, long[] servedOffered, long[] complaintsReferrals, int stride, int from,
                           int count, int n, WindowSums.WindowCounts into) {
            WindowSums.counts(purchases, servedOffered, complaintsReferrals, stride, from, count, n, into);
        }

        @Override
        public void sums(float[] values, int stride, int from, int count, int n, double[] out, double[] scratch) {
            WindowSums.sums(values, stride, from, count, n, out, scratch);
        }
    };

    /** The kernel {@link VectorKernels} picks: the vector one when it is there and not overridden. */
    static WindowKernel configured() {
        return VECTOR != null && !VectorKernels.scalarWanted() ? VECTOR : SCALAR;
    }

    /** The vector kernel, or null (see {@link VectorKernels#create}). */
    WindowKernel VECTOR = VectorKernels.create("VectorWindowKernel", WindowKernel.class);
}
