package org.segmentlab.benchmarks.classify;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The streaming kernel of the {@link ClassifierBenchmark} baselines (alone in its file: see the benchmarks pom). */
final class Streaming {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final int L = 8;

    private Streaming() {
    }

    /**
     * The sum of rows {@code [from, to)} of every column: the fastest way found on this machine to read these
     * arrays. All columns are read in the same loop, eight floats per column per iteration, each into its own
     * vector accumulator: a single scalar sum would be limited by the add latency, not by memory (C2 does not
     * vectorise a float sum, since reordering it changes the result), and reading one column after another
     * instead of all together reached only about half the bandwidth here (one stream at a time keeps too few
     * cache misses in flight). Up to eight columns are read together (dib reads seven); more go in groups of
     * eight. The loops are written out per column count because the Vector API in JDK 17 keeps vectors in
     * registers only when they do not flow through an inner loop.
     */
    static float sum(float[][] columns, int from, int to) {
        if (columns.length <= 8) {
            return group(columns, from, to);
        }
        float total = 0;
        for (int g = 0; g < columns.length; g += 8) {
            total += group(Arrays.copyOfRange(columns, g, Math.min(columns.length, g + 8)), from, to);
        }
        return total;
    }

    private static float group(float[][] c, int from, int to) {
        int vectorTo = from + ((to - from) & -L);
        float total;
        switch (c.length) {
            case 1: total = sum1(c[0], from, vectorTo); break;
            case 2: total = sum2(c[0], c[1], from, vectorTo); break;
            case 3: total = sum3(c[0], c[1], c[2], from, vectorTo); break;
            case 4: total = sum4(c[0], c[1], c[2], c[3], from, vectorTo); break;
            default: total = sum8(c, from, vectorTo); break;
        }
        for (float[] column : c) {
            for (int i = vectorTo; i < to; i++) {
                total += column[i];
            }
        }
        return total;
    }

    private static float sum1(float[] a, int from, int to) {
        FloatVector x = FloatVector.zero(F);
        FloatVector y = FloatVector.zero(F);
        int i = from;
        // Two accumulators: one add per vector would wait on the previous add's latency.
        for (; i + 2 * L <= to; i += 2 * L) {
            x = x.add(FloatVector.fromArray(F, a, i));
            y = y.add(FloatVector.fromArray(F, a, i + L));
        }
        for (; i < to; i += L) {
            x = x.add(FloatVector.fromArray(F, a, i));
        }
        return x.add(y).reduceLanes(VectorOperators.ADD);
    }

    private static float sum2(float[] a, float[] b, int from, int to) {
        FloatVector x = FloatVector.zero(F);
        FloatVector y = FloatVector.zero(F);
        for (int i = from; i < to; i += L) {
            x = x.add(FloatVector.fromArray(F, a, i));
            y = y.add(FloatVector.fromArray(F, b, i));
        }
        return x.add(y).reduceLanes(VectorOperators.ADD);
    }

    private static float sum3(float[] a, float[] b, float[] c, int from, int to) {
        FloatVector x = FloatVector.zero(F);
        FloatVector y = FloatVector.zero(F);
        FloatVector z = FloatVector.zero(F);
        for (int i = from; i < to; i += L) {
            x = x.add(FloatVector.fromArray(F, a, i));
            y = y.add(FloatVector.fromArray(F, b, i));
            z = z.add(FloatVector.fromArray(F, c, i));
        }
        return x.add(y).add(z).reduceLanes(VectorOperators.ADD);
    }

    private static float sum4(float[] a, float[] b, float[] c, float[] d, int from, int to) {
        FloatVector x = FloatVector.zero(F);
        FloatVector y = FloatVector.zero(F);
        FloatVector z = FloatVector.zero(F);
        FloatVector w = FloatVector.zero(F);
        for (int i = from; i < to; i += L) {
            x = x.add(FloatVector.fromArray(F, a, i));
            y = y.add(FloatVector.fromArray(F, b, i));
            z = z.add(FloatVector.fromArray(F, c, i));
            w = w.add(FloatVector.fromArray(F, d, i));
        }
        return x.add(y).add(z).add(w).reduceLanes(VectorOperators.ADD);
    }

    /**
     * Five to eight columns. Missing ones read the first column again: L1 hits, no extra memory traffic (the
     * first column then counts twice in the checksum, which only feeds a Blackhole).
     */
    private static float sum8(float[][] c, int from, int to) {
        float[] a = c[0];
        float[] b = c[1];
        float[] d = c[2];
        float[] e = c[3];
        float[] f = c[4];
        float[] g = c.length > 5 ? c[5] : a;
        float[] h = c.length > 6 ? c[6] : a;
        float[] k = c.length > 7 ? c[7] : a;
        FloatVector x = FloatVector.zero(F);
        FloatVector y = FloatVector.zero(F);
        FloatVector z = FloatVector.zero(F);
        FloatVector w = FloatVector.zero(F);
        for (int i = from; i < to; i += L) {
            x = x.add(FloatVector.fromArray(F, a, i)).add(FloatVector.fromArray(F, b, i));
            y = y.add(FloatVector.fromArray(F, d, i)).add(FloatVector.fromArray(F, e, i));
            z = z.add(FloatVector.fromArray(F, f, i)).add(FloatVector.fromArray(F, g, i));
            w = w.add(FloatVector.fromArray(F, h, i)).add(FloatVector.fromArray(F, k, i));
        }
        return x.add(y).add(z).add(w).reduceLanes(VectorOperators.ADD);
    }

    static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
