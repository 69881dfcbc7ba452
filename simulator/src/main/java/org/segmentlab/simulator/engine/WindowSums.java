package org.segmentlab.simulator.engine;

/**
 * Float sums over the window slots of a run of consecutive customers, in {@link WindowRing}'s slot-major layout (slot
 * k of customer i at {@code k·stride + i}): the kernel walks a few contiguous columns over the customers instead of
 * one customer's scattered slots. The sums follow a fixed pairwise tree per customer (independent additions, in an
 * order that never depends on the layout or the chunking): results are deterministic. The window's counts are kept
 * running by {@link WindowRing} ({@link WindowRing#counts(int, int[])}); the sums land in {@link Totals}.
 */
final class WindowSums {
    /** The window whose float sums follow a fixed tree (the default 12 months). */
    static final int TREE_SLOTS = 12;

    private WindowSums() {
    }

    /**
     * {@code out[j]} = the window sum of customer {@code from + j}, for j in [0, count), in double: for 12 slots
     * {@code ((s0+s1 + s2+s3) + (s4+s5 + s6+s7)) + (s8+s9 + s10+s11)}; for other lengths the even slots and the
     * odd slots are summed in order, then added. {@code scratch} holds the odd sums. The scalar definition of
     * {@link WindowSumsKernel}.
     */
    static void sums(float[] values, int stride, int from, int count, int n, double[] out, double[] scratch) {
        if (n == TREE_SLOTS) {
            sumTree(values, stride, from, 0, count, out);
            return;
        }
        java.util.Arrays.fill(out, 0, count, 0.0);
        java.util.Arrays.fill(scratch, 0, count, 0.0);
        int k = 0;
        for (; k + 1 < n; k += 2) {
            int even = k * stride + from;
            int odd = even + stride;
            for (int j = 0; j < count; j++) {
                out[j] += values[even + j];
                scratch[j] += values[odd + j];
            }
        }
        if (k < n) {
            int even = k * stride + from;
            for (int j = 0; j < count; j++) {
                out[j] += values[even + j];
            }
        }
        for (int j = 0; j < count; j++) {
            out[j] += scratch[j];
        }
    }

    /** The 12-slot tree of {@link #sums} for customers {@code from + j0 .. from + count - 1}: the scalar loop, and the vector kernel's tail. */
    static void sumTree(float[] values, int stride, int from, int j0, int count, double[] out) {
        int s0 = from;
        int s1 = s0 + stride, s2 = s1 + stride, s3 = s2 + stride;
        for (int j = j0; j < count; j++) {
            out[j] = ((double) values[s0 + j] + values[s1 + j]) + ((double) values[s2 + j] + values[s3 + j]);
        }
        addQuad(values, from + 4 * stride, stride, j0, count, out);
        addQuad(values, from + 8 * stride, stride, j0, count, out);
    }

    /** out[j] += (a+b) + (c+d) over the four slots starting at {@code base}. */
    private static void addQuad(float[] values, int base, int stride, int j0, int count, double[] out) {
        int a = base, b = a + stride, c = b + stride, d = c + stride;
        for (int j = j0; j < count; j++) {
            out[j] += ((double) values[a + j] + values[b + j]) + ((double) values[c + j] + values[d + j]);
        }
    }

    /** The window sums of a run of customers (index j = customer − first), {@link #sums}: revenue and margin. */
    static final class Totals {
        /** Window sums of revenue and margin, and the scratch their kernel needs. */
        final double[] revenue;
        final double[] margin;
        final double[] scratch;

        Totals(int size) {
            revenue = new double[size];
            margin = new double[size];
            scratch = new double[size];
        }
    }
}
