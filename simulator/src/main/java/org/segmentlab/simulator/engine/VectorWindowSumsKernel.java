package org.segmentlab.simulator.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WindowSumsKernel} on the incubating Vector API: the float sums of a 12-month window eight customers to a vector
 * of doubles, each customer's twelve floats widened and added in {@link WindowSums#sums}'s tree, so the same sums bit
 * for bit. Other windows and the customers after the last full vector take the scalar loop. Only
 * loaded, reflectively, when the {@code jdk.incubator.vector} module is in the boot layer.
 */
final class VectorWindowSumsKernel implements WindowSumsKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** As many floats as D holds doubles: one float vector widens to one double vector. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int DOUBLES = D.length();

    /** The vector pass, compiled on its own ({@link CompiledApart}): its callers are large stage loops. */
    private final MethodHandle tree = CompiledApart.pass(MethodHandles.lookup(), "tree", int.class,
            float[].class, int.class, int.class, int.class, double[].class);

    private VectorWindowSumsKernel() {
    }

    /** The kernel, or null when this CPU's preferred vectors hold fewer than four doubles (too short to pay). */
    static WindowSumsKernel create() {
        return DOUBLES >= 4 && F.length() == DOUBLES ? new VectorWindowSumsKernel() : null;
    }

    @Override
    public void sums(float[] values, int stride, int from, int count, int n, double[] out, double[] scratch) {
        if (n != WindowSums.TREE_SLOTS) {
            WindowSums.sums(values, stride, from, count, n, out, scratch);
            return;
        }
        int j;
        try {
            j = (int) tree.invokeExact(values, stride, from, count, out);
        } catch (Throwable e) {
            throw CompiledApart.rethrown(e);
        }
        WindowSums.sumTree(values, stride, from, j, count, out);
    }

    /** The sums of the customers of whole vectors; returns how many it summed. */
    @SuppressWarnings("unused") // called through its handle
    private static int tree(float[] values, int stride, int from, int count, double[] out) {
        int j = 0;
        for (; j + DOUBLES <= count; j += DOUBLES) {
            int s = from + j;
            DoubleVector sum = pair(values, s, stride).add(pair(values, s + 2 * stride, stride));
            sum = sum.add(pair(values, s + 4 * stride, stride).add(pair(values, s + 6 * stride, stride)));
            sum = sum.add(pair(values, s + 8 * stride, stride).add(pair(values, s + 10 * stride, stride)));
            sum.intoArray(out, j);
        }
        return j;
    }

    /** (double) slot a + (double) slot a + stride, for the customers of one vector. */
    private static DoubleVector pair(float[] values, int a, int stride) {
        return widened(values, a).add(widened(values, a + stride));
    }

    private static DoubleVector widened(float[] values, int at) {
        return (DoubleVector) FloatVector.fromArray(F, values, at).convertShape(VectorOperators.F2D, D, 0);
    }
}
