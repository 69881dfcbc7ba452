package org.segmentlab.model.classify;

import java.util.Arrays;

/**
 * The portable kernel: the {@link RuleProgram}'s steps as plain Java loops over blocks of
 * {@link RuleTableClassifier#BLOCK} customers. Used when the Vector API is absent, and by the
 * {@link VectorKernel} for the few customers after a range's last full vector. Each condition becomes a mask on its
 * own ({@code x >= t ? -1 : 0}, which C2 compiles to a conditional move) and masks combine with int {@code &} and
 * {@code |}: no branches, so unpredictable feature values cost no mispredictions. (Combining the booleans first,
 * {@code a & b ? -1 : 0}, compiles to branches and ran three times slower on random data.) JDK 17's C2 does not
 * vectorise these loops (it does not vectorise float compares).
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
        if (p.steps == 0) {
            Arrays.fill(out, from, to, p.fallback);
            return;
        }
        int block = Math.min(RuleTableClassifier.BLOCK, to - from);
        // The clause and rule masks only serve generic steps; most taxonomies have none.
        int[] clause = p.usesMasks ? new int[block] : null;
        int[] rule = p.usesMasks ? new int[block] : null;
        int[] segments = new int[block];
        int[] f = p.feature;
        float[] s = p.sign;
        float[] t = p.threshold;
        for (int start = from; start < to; start += RuleTableClassifier.BLOCK) {
            int len = Math.min(RuleTableClassifier.BLOCK, to - start);
            for (int q = 0; q < p.steps; q++) {
                int[] in = p.fromFallback[q] ? fallback : segments;
                int k = p.segment[q];
                int a = p.a[q];
                int b = p.b[q];
                int c = p.c[q];
                int d = p.d[q];
                switch (p.kind[q]) {
                    case RuleProgram.RULE_1:
                        rule1(columns[f[a]], s[a], t[a], start, len, in, k, segments);
                        break;
                    case RuleProgram.RULE_AND:
                        ruleAnd(columns[f[a]], s[a], t[a], columns[f[b]], s[b], t[b], start, len, in, k, segments);
                        break;
                    case RuleProgram.RULE_OR:
                        ruleOr(columns[f[a]], s[a], t[a], columns[f[b]], s[b], t[b], start, len, in, k, segments);
                        break;
                    case RuleProgram.RULE_2X2:
                        rule2x2(columns[f[a]], s[a], t[a], columns[f[b]], s[b], t[b],
                                columns[f[c]], s[c], t[c], columns[f[d]], s[d], t[d], start, len, in, k, segments);
                        break;
                    default:
                        int[] and = p.andClause[q] ? clause : ones;
                        int[] or = p.orRule[q] ? rule : zeros;
                        int[] dst = p.dest[q] == RuleProgram.TO_CLAUSE ? clause : p.dest[q] == RuleProgram.TO_RULE ? rule : null;
                        if (dst != null) {
                            store(columns[f[a]], s[a], t[a], start, len, and, or, dst);
                        } else {
                            select(columns[f[a]], s[a], t[a], start, len, and, or, in, k, segments);
                        }
                        break;
                }
            }
            for (int i = 0; i < len; i++) {
                out[start + i] = (byte) segments[i];
            }
        }
    }

    private static void rule1(float[] xa, float sa, float ta, int start, int len, int[] in, int k, int[] dst) {
        for (int i = 0; i < len; i++) {
            int v = xa[start + i] * sa >= ta ? -1 : 0;
            dst[i] = in[i] ^ ((in[i] ^ k) & v);
        }
    }

    private static void ruleAnd(float[] xa, float sa, float ta, float[] xb, float sb, float tb,
            int start, int len, int[] in, int k, int[] dst) {
        for (int i = 0; i < len; i++) {
            int v = (xa[start + i] * sa >= ta ? -1 : 0) & (xb[start + i] * sb >= tb ? -1 : 0);
            dst[i] = in[i] ^ ((in[i] ^ k) & v);
        }
    }

    private static void ruleOr(float[] xa, float sa, float ta, float[] xb, float sb, float tb,
            int start, int len, int[] in, int k, int[] dst) {
        for (int i = 0; i < len; i++) {
            int v = (xa[start + i] * sa >= ta ? -1 : 0) | (xb[start + i] * sb >= tb ? -1 : 0);
            dst[i] = in[i] ^ ((in[i] ^ k) & v);
        }
    }

    private static void rule2x2(float[] xa, float sa, float ta, float[] xb, float sb, float tb,
            float[] xc, float sc, float tc, float[] xd, float sd, float td, int start, int len, int[] in, int k, int[] dst) {
        for (int i = 0; i < len; i++) {
            int j = start + i;
            int v = (xa[j] * sa >= ta ? -1 : 0) & (xb[j] * sb >= tb ? -1 : 0) | (xc[j] * sc >= tc ? -1 : 0) & (xd[j] * sd >= td ? -1 : 0);
            dst[i] = in[i] ^ ((in[i] ^ k) & v);
        }
    }

    private static void store(float[] x, float sx, float tx, int start, int len, int[] and, int[] or, int[] dst) {
        for (int i = 0; i < len; i++) {
            dst[i] = (x[start + i] * sx >= tx ? -1 : 0) & and[i] | or[i];
        }
    }

    private static void select(float[] x, float sx, float tx, int start, int len, int[] and, int[] or,
            int[] in, int k, int[] dst) {
        for (int i = 0; i < len; i++) {
            int v = (x[start + i] * sx >= tx ? -1 : 0) & and[i] | or[i];
            dst[i] = in[i] ^ ((in[i] ^ k) & v);
        }
    }
}
