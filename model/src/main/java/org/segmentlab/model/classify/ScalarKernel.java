package org.segmentlab.model.classify;

import java.util.Arrays;

/**
 * The portable kernel: the {@link RuleProgram}'s passes as plain Java loops over blocks of
 * {@link RuleTableClassifier#BLOCK} customers. Used when the Vector API is absent, and for the few customers
 * after the last full vector of a range. Each compare is written as a select of {@code -1} or {@code 0}, which C2
 * compiles to a flag-set instruction rather than a branch, so the unpredictable feature values cost no
 * mispredictions; JDK 17's C2 does not vectorise these loops.
 */
final class ScalarKernel implements ClassifierKernel {

    private final RuleProgram program;
    /** Read-only identities: AND with all ones and OR with zero leave a mask unchanged. */
    private final int[] ones;
    private final int[] zeros;
    private final int[] fallback;

    ScalarKernel(RuleProgram program) {
        this.program = program;
        this.ones = new int[RuleTableClassifier.BLOCK];
        Arrays.fill(ones, -1);
        this.zeros = new int[RuleTableClassifier.BLOCK];
        this.fallback = program.fallbackBlock();
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void classify(float[][] columns, byte[] out, int from, int to) {
        RuleProgram p = program;
        if (p.passes == 0) {
            Arrays.fill(out, from, to, p.fallback);
            return;
        }
        int block = Math.min(RuleTableClassifier.BLOCK, to - from);
        int[] clause = new int[block];
        int[] rule = new int[block];
        int[] segments = new int[block];
        for (int start = from; start < to; start += RuleTableClassifier.BLOCK) {
            int len = Math.min(RuleTableClassifier.BLOCK, to - start);
            for (int q = 0; q < p.passes; q++) {
                float[] x = columns[p.feature[q]];
                float t = p.threshold[q];
                boolean le = p.lessOrEqual[q];
                int[] and = p.andClause[q] ? clause : ones;
                int[] or = p.orRule[q] ? rule : zeros;
                switch (p.kind[q]) {
                    case RuleProgram.TO_CLAUSE:
                        store(x, start, len, le, t, and, or, clause);
                        break;
                    case RuleProgram.TO_RULE:
                        store(x, start, len, le, t, and, or, rule);
                        break;
                    case RuleProgram.SELECT:
                        select(x, start, len, le, t, and, or, p.fromFallback[q] ? fallback : segments, p.segment[q], segments);
                        break;
                    default:
                        selectOut(x, start, len, le, t, and, or, p.fromFallback[q] ? fallback : segments, p.segment[q], out);
                        break;
                }
            }
        }
    }

    private static void store(float[] x, int start, int len, boolean le, float t, int[] and, int[] or, int[] dst) {
        if (le) {
            for (int i = 0; i < len; i++) {
                dst[i] = (x[start + i] <= t ? -1 : 0) & and[i] | or[i];
            }
        } else {
            for (int i = 0; i < len; i++) {
                dst[i] = (x[start + i] >= t ? -1 : 0) & and[i] | or[i];
            }
        }
    }

    private static void select(float[] x, int start, int len, boolean le, float t, int[] and, int[] or,
            int[] in, int segment, int[] dst) {
        if (le) {
            for (int i = 0; i < len; i++) {
                int v = (x[start + i] <= t ? -1 : 0) & and[i] | or[i];
                dst[i] = in[i] ^ ((in[i] ^ segment) & v);
            }
        } else {
            for (int i = 0; i < len; i++) {
                int v = (x[start + i] >= t ? -1 : 0) & and[i] | or[i];
                dst[i] = in[i] ^ ((in[i] ^ segment) & v);
            }
        }
    }

    private static void selectOut(float[] x, int start, int len, boolean le, float t, int[] and, int[] or,
            int[] in, int segment, byte[] out) {
        if (le) {
            for (int i = 0; i < len; i++) {
                int v = (x[start + i] <= t ? -1 : 0) & and[i] | or[i];
                out[start + i] = (byte) (in[i] ^ ((in[i] ^ segment) & v));
            }
        } else {
            for (int i = 0; i < len; i++) {
                int v = (x[start + i] >= t ? -1 : 0) & and[i] | or[i];
                out[start + i] = (byte) (in[i] ^ ((in[i] ^ segment) & v));
            }
        }
    }
}
