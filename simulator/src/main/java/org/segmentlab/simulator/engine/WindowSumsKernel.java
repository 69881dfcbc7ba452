package org.segmentlab.simulator.engine;

/**
 * The window's float sums (revenue, margin) of a run of customers from {@link WindowRing}'s slot-major columns. Two
 * kernels give the same sums bit for bit: the scalar one ({@link WindowSums#sums}) and {@link VectorWindowSumsKernel}
 * (the 12-month sums of eight customers to an instruction on a 512-bit CPU, each adding the same values in the same
 * order; see {@link VectorKernels} for when).
 */
interface WindowSumsKernel {
    /** {@code out[j]} = the window sum of customer {@code from + j}, j below {@code count} ({@code scratch}: scratch). */
    void sums(float[] values, int stride, int from, int count, int n, double[] out, double[] scratch);

    /** The definition the vector kernel reproduces. */
    WindowSumsKernel SCALAR = WindowSums::sums;

    /** The kernel {@link VectorKernels} picks: the vector one when it is there and not overridden. */
    static WindowSumsKernel configured() {
        return VECTOR != null && !VectorKernels.scalarWanted() ? VECTOR : SCALAR;
    }

    /** The vector kernel, or null (see {@link VectorKernels#create}). */
    WindowSumsKernel VECTOR = VectorKernels.create("VectorWindowSumsKernel", WindowSumsKernel.class);
}
