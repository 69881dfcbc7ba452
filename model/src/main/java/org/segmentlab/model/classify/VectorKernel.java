package org.segmentlab.model.classify;

import java.util.Arrays;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link RuleProgram}'s steps with the incubating Vector API, eight customers per instruction (256-bit
 * vectors). JDK 17's C2 does not vectorise a float compare-and-select loop by itself; this kernel does it
 * explicitly. Only loaded, reflectively by {@link Kernels}, when the {@code jdk.incubator.vector} module is in the
 * boot layer and the CPU has 256-bit vectors; the few customers after a range's last full vector go to the
 * {@link ScalarKernel}, which gives identical answers.
 *
 * <p>Why the code has this shape:
 * <ul>
 * <li>Each step is one loop whose vector operations are all constants to C2 and whose vectors live within one
 * iteration. Vectors or masks carried through interpreted loops (over rules, clauses, conditions) get boxed by
 * JDK 17's C2 and run two orders of magnitude slower; so does a comparison operator that is not a constant.
 * Each step kind is a class of its own so that C2 compiles each loop separately (see {@link Step}).</li>
 * <li>A rule of a usual shape is one step (its conditions' masks combined in registers) instead of one pass per
 * condition through memory: about half the instructions.</li>
 * <li>Segments are ints in a block-sized scratch array; the select is a float blend on the reinterpreted bits
 * (a mask of float lanes selects between int lanes at no cost), so no mask-species conversion is needed, which
 * JDK 17 compiles poorly. Scratch masks of generic steps are int lanes of -1/0 combined bitwise.</li>
 * <li>The program's last step narrows the eight int segments to eight bytes and stores them straight into the
 * output: the output is written once.</li>
 * </ul>
 */
final class VectorKernel implements ClassifierKernel {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
    private static final int LANES = 8;

    private final RuleProgram program;
    private final ScalarKernel tail;
    /** Read-only identities: AND with all ones and OR with zero leave a mask unchanged. */
    private final int[] ones;
    private final int[] zeros;
    private final int[] fallback;
    /** The program's steps, each with its own loop. */
    private final Step[] steps;

    private VectorKernel(RuleProgram program) {
        this.program = program;
        this.tail = new ScalarKernel(program);
        this.ones = new int[RuleTableClassifier.BLOCK];
        Arrays.fill(ones, -1);
        this.zeros = new int[RuleTableClassifier.BLOCK];
        this.fallback = program.fallbackBlock();
        this.steps = steps(program);
    }

    /** Called reflectively by {@link Kernels}; null when the CPU lacks 256-bit vectors (then the scalar kernel). */
    static ClassifierKernel of(RuleProgram program) {
        return supported() ? new VectorKernel(program) : null;
    }

    /** Whether the hardware runs 256-bit float vectors natively (AVX2 and up); narrower ones would be emulated. */
    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= F.vectorBitSize();
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void classify(float[][] columns, byte[] out, int from, int to) {
        RuleProgram p = program;
        if (p.steps == 0) {
            Arrays.fill(out, from, to, p.fallback);
            return;
        }
        int vectorTo = from + ((to - from) & -LANES);
        if (vectorTo > from) {
            int block = Math.min(RuleTableClassifier.BLOCK, vectorTo - from);
            // The clause and rule masks only serve generic steps; most taxonomies have none.
            int[] clause = p.usesMasks ? new int[block] : null;
            int[] rule = p.usesMasks ? new int[block] : null;
            int[] segments = new int[block];
            Step[] s = steps;
            for (int start = from; start < vectorTo; start += RuleTableClassifier.BLOCK) {
                int len = Math.min(RuleTableClassifier.BLOCK, vectorTo - start);
                for (Step step : s) {
                    step.run(columns, start, len, clause, rule, segments, out);
                }
            }
        }
        if (vectorTo < to) {
            tail.classify(columns, out, vectorTo, to);
        }
    }

    /** The program's steps as objects, each with its own compiled loop (see {@link Step}). */
    private Step[] steps(RuleProgram p) {
        Step[] all = new Step[p.steps];
        for (int q = 0; q < p.steps; q++) {
            int[] in = p.fromFallback[q] ? fallback : null;
            boolean last = p.last[q];
            int a = p.a[q];
            int b = p.b[q];
            int c = p.c[q];
            int d = p.d[q];
            int k = p.segment[q];
            switch (p.kind[q]) {
                case RuleProgram.RULE_1:
                    all[q] = last ? new Rule1Out(p, a, a, a, a, k, in) : new Rule1(p, a, a, a, a, k, in);
                    break;
                case RuleProgram.RULE_AND:
                    all[q] = last ? new RuleAndOut(p, a, b, a, b, k, in) : new RuleAnd(p, a, b, a, b, k, in);
                    break;
                case RuleProgram.RULE_OR:
                    all[q] = last ? new RuleOrOut(p, a, b, a, b, k, in) : new RuleOr(p, a, b, a, b, k, in);
                    break;
                case RuleProgram.RULE_2X2:
                    all[q] = last ? new Rule2x2Out(p, a, b, c, d, k, in) : new Rule2x2(p, a, b, c, d, k, in);
                    break;
                default:
                    int[] and = p.andClause[q] ? null : ones;
                    int[] or = p.orRule[q] ? null : zeros;
                    if (p.dest[q] == RuleProgram.SELECT) {
                        all[q] = last ? new ConditionSelectOut(p, a, k, in, and, or) : new ConditionSelect(p, a, k, in, and, or);
                    } else {
                        all[q] = new ConditionStore(p, a, k, in, and, or, p.dest[q] == RuleProgram.TO_CLAUSE);
                    }
                    break;
            }
        }
        return all;
    }

    /** {@code x * sign >= t} for the eight customers at {@code j}: the normalised condition (see RuleProgram). */
    private static VectorMask<Float> test(float[] x, int j, float sign, float t) {
        return FloatVector.fromArray(F, x, j).mul(sign).compare(VectorOperators.GE, t);
    }

    /** The segments {@code in} with {@code k} where {@code m} is set: a blend on the reinterpreted int bits. */
    private static IntVector choose(IntVector in, FloatVector k, VectorMask<Float> m) {
        return in.reinterpretAsFloats().blend(k, m).reinterpretAsInts();
    }

    /** Eight int lanes (segments 0..126) to eight bytes. */
    private static ByteVector narrow(IntVector segments) {
        return (ByteVector) segments.convertShape(VectorOperators.I2B, B, 0);
    }

    /** A generic step's condition as int lanes of -1 (holds) or 0. */
    private static IntVector bits(float[] x, int j, float sign, float t) {
        return FloatVector.zero(F).blend(IntVector.broadcast(I, -1).reinterpretAsFloats(), test(x, j, sign, t)).reinterpretAsInts();
    }

    /**
     * One step bound to its conditions (up to four: a, b, c, d) and segment. Each kind is its own class so that
     * its loop is compiled on its own: the block loop's call {@code step.run(...)} is megamorphic for most
     * taxonomies and C2 does not inline it. When all the loops were static methods called from one dispatcher,
     * C2 inlined them all into it, ran out of its node budget ({@code NodeCountInliningCutoff}) before inlining
     * everything, and the vectors crossing the calls it gave up on were boxed: 20 KB of garbage per 1000
     * customers and a fivefold slowdown for {@code dib}.
     */
    private abstract static class Step {
        final int fa;
        final int fb;
        final int fc;
        final int fd;
        final float sa;
        final float sb;
        final float sc;
        final float sd;
        final float ta;
        final float tb;
        final float tc;
        final float td;
        final int k;
        /** The segments this step starts from: the fallback block, or null for the block's segments so far. */
        final int[] in;

        Step(RuleProgram p, int a, int b, int c, int d, int k, int[] in) {
            this.fa = p.feature[a];
            this.fb = p.feature[b];
            this.fc = p.feature[c];
            this.fd = p.feature[d];
            this.sa = p.sign[a];
            this.sb = p.sign[b];
            this.sc = p.sign[c];
            this.sd = p.sign[d];
            this.ta = p.threshold[a];
            this.tb = p.threshold[b];
            this.tc = p.threshold[c];
            this.td = p.threshold[d];
            this.k = k;
            this.in = in;
        }

        /** Runs the step on customers {@code [start, start + len)}; {@code len} is a multiple of the lane count. */
        abstract void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out);

        final int[] in(int[] segments) {
            return in != null ? in : segments;
        }

        final FloatVector segmentBits() {
            return IntVector.broadcast(I, k).reinterpretAsFloats();
        }
    }

    private static final class Rule1 extends Step {
        Rule1(RuleProgram p, int a, int b, int c, int d, int k, int[] in) {
            super(p, a, b, c, d, k, in);
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] xa = columns[fa];
            int[] from = in(segments);
            FloatVector kv = segmentBits();
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = test(xa, start + i, sa, ta);
                choose(IntVector.fromArray(I, from, i), kv, m).intoArray(segments, i);
            }
        }
    }

    private static final class Rule1Out extends Step {
        Rule1Out(RuleProgram p, int a, int b, int c, int d, int k, int[] in) {
            super(p, a, b, c, d, k, in);
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] xa = columns[fa];
            int[] from = in(segments);
            FloatVector kv = segmentBits();
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = test(xa, start + i, sa, ta);
                narrow(choose(IntVector.fromArray(I, from, i), kv, m)).intoArray(out, start + i);
            }
        }
    }

    private static final class RuleAnd extends Step {
        RuleAnd(RuleProgram p, int a, int b, int c, int d, int k, int[] in) {
            super(p, a, b, c, d, k, in);
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] xa = columns[fa];
            float[] xb = columns[fb];
            int[] from = in(segments);
            FloatVector kv = segmentBits();
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = test(xa, start + i, sa, ta).and(test(xb, start + i, sb, tb));
                choose(IntVector.fromArray(I, from, i), kv, m).intoArray(segments, i);
            }
        }
    }

    private static final class RuleAndOut extends Step {
        RuleAndOut(RuleProgram p, int a, int b, int c, int d, int k, int[] in) {
            super(p, a, b, c, d, k, in);
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] xa = columns[fa];
            float[] xb = columns[fb];
            int[] from = in(segments);
            FloatVector kv = segmentBits();
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = test(xa, start + i, sa, ta).and(test(xb, start + i, sb, tb));
                narrow(choose(IntVector.fromArray(I, from, i), kv, m)).intoArray(out, start + i);
            }
        }
    }

    private static final class RuleOr extends Step {
        RuleOr(RuleProgram p, int a, int b, int c, int d, int k, int[] in) {
            super(p, a, b, c, d, k, in);
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] xa = columns[fa];
            float[] xb = columns[fb];
            int[] from = in(segments);
            FloatVector kv = segmentBits();
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = test(xa, start + i, sa, ta).or(test(xb, start + i, sb, tb));
                choose(IntVector.fromArray(I, from, i), kv, m).intoArray(segments, i);
            }
        }
    }

    private static final class RuleOrOut extends Step {
        RuleOrOut(RuleProgram p, int a, int b, int c, int d, int k, int[] in) {
            super(p, a, b, c, d, k, in);
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] xa = columns[fa];
            float[] xb = columns[fb];
            int[] from = in(segments);
            FloatVector kv = segmentBits();
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = test(xa, start + i, sa, ta).or(test(xb, start + i, sb, tb));
                narrow(choose(IntVector.fromArray(I, from, i), kv, m)).intoArray(out, start + i);
            }
        }
    }

    private static final class Rule2x2 extends Step {
        Rule2x2(RuleProgram p, int a, int b, int c, int d, int k, int[] in) {
            super(p, a, b, c, d, k, in);
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] xa = columns[fa];
            float[] xb = columns[fb];
            float[] xc = columns[fc];
            float[] xd = columns[fd];
            int[] from = in(segments);
            FloatVector kv = segmentBits();
            for (int i = 0; i < len; i += LANES) {
                int j = start + i;
                VectorMask<Float> m = test(xa, j, sa, ta).and(test(xb, j, sb, tb)).or(test(xc, j, sc, tc).and(test(xd, j, sd, td)));
                choose(IntVector.fromArray(I, from, i), kv, m).intoArray(segments, i);
            }
        }
    }

    private static final class Rule2x2Out extends Step {
        Rule2x2Out(RuleProgram p, int a, int b, int c, int d, int k, int[] in) {
            super(p, a, b, c, d, k, in);
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] xa = columns[fa];
            float[] xb = columns[fb];
            float[] xc = columns[fc];
            float[] xd = columns[fd];
            int[] from = in(segments);
            FloatVector kv = segmentBits();
            for (int i = 0; i < len; i += LANES) {
                int j = start + i;
                VectorMask<Float> m = test(xa, j, sa, ta).and(test(xb, j, sb, tb)).or(test(xc, j, sc, tc).and(test(xd, j, sd, td)));
                narrow(choose(IntVector.fromArray(I, from, i), kv, m)).intoArray(out, j);
            }
        }
    }

    /** A generic step's constants: the identity arrays it combines with when it has no earlier clause or rule. */
    private abstract static class ConditionStep extends Step {
        /** All ones when the clause has no earlier condition, else null for the clause scratch. */
        final int[] and;
        /** Zeros when the rule has no earlier clause, else null for the rule scratch. */
        final int[] or;

        ConditionStep(RuleProgram p, int a, int k, int[] in, int[] and, int[] or) {
            super(p, a, a, a, a, k, in);
            this.and = and;
            this.or = or;
        }
    }

    /** {@code (x test) & and | or}, stored as the clause or the rule so far. */
    private static final class ConditionStore extends ConditionStep {
        private final boolean toClause;

        ConditionStore(RuleProgram p, int a, int k, int[] in, int[] and, int[] or, boolean toClause) {
            super(p, a, k, in, and, or);
            this.toClause = toClause;
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] x = columns[fa];
            int[] andWith = and != null ? and : clause;
            int[] orWith = or != null ? or : rule;
            int[] dst = toClause ? clause : rule;
            for (int i = 0; i < len; i += LANES) {
                bits(x, start + i, sa, ta).and(IntVector.fromArray(I, andWith, i)).or(IntVector.fromArray(I, orWith, i)).intoArray(dst, i);
            }
        }
    }

    /** A generic rule's last condition: {@code (x test) & and | or} selects the segment. */
    private static final class ConditionSelect extends ConditionStep {
        ConditionSelect(RuleProgram p, int a, int k, int[] in, int[] and, int[] or) {
            super(p, a, k, in, and, or);
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] x = columns[fa];
            int[] andWith = and != null ? and : clause;
            int[] orWith = or != null ? or : rule;
            int[] from = in(segments);
            for (int i = 0; i < len; i += LANES) {
                IntVector v = bits(x, start + i, sa, ta).and(IntVector.fromArray(I, andWith, i)).or(IntVector.fromArray(I, orWith, i));
                IntVector s = IntVector.fromArray(I, from, i);
                s.lanewise(VectorOperators.XOR, s.lanewise(VectorOperators.XOR, k).and(v)).intoArray(segments, i);
            }
        }
    }

    /** As {@link ConditionSelect}, writing the block's segments out: the program's last step. */
    private static final class ConditionSelectOut extends ConditionStep {
        ConditionSelectOut(RuleProgram p, int a, int k, int[] in, int[] and, int[] or) {
            super(p, a, k, in, and, or);
        }

        @Override
        void run(float[][] columns, int start, int len, int[] clause, int[] rule, int[] segments, byte[] out) {
            float[] x = columns[fa];
            int[] andWith = and != null ? and : clause;
            int[] orWith = or != null ? or : rule;
            int[] from = in(segments);
            for (int i = 0; i < len; i += LANES) {
                IntVector v = bits(x, start + i, sa, ta).and(IntVector.fromArray(I, andWith, i)).or(IntVector.fromArray(I, orWith, i));
                IntVector s = IntVector.fromArray(I, from, i);
                narrow(s.lanewise(VectorOperators.XOR, s.lanewise(VectorOperators.XOR, k).and(v))).intoArray(out, start + i);
            }
        }
    }
}
